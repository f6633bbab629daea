type SubjectKey =
  | "name"
  | "role"
  | "team"
  | "hiringChannel"
  | "startDate"
  | "accessLevel"
  | "location"
  | "hiredOn"
  | "deviceShippedOn"
  | "firstSignInAt"
  | "terminatedOn";

export function subjectColumns(subject: Partial<Record<SubjectKey, string | null | undefined>>) {
  return {
    subjectName: subject.name || null,
    subjectRole: subject.role || null,
    subjectTeam: subject.team || null,
    subjectHiringChannel: subject.hiringChannel || null,
    subjectStartDate: subject.startDate || null,
    subjectAccessLevel: subject.accessLevel || null,
    subjectLocation: subject.location || null,
    subjectHiredOn: subject.hiredOn || null,
    subjectDeviceShippedOn: subject.deviceShippedOn || null,
    subjectFirstSignInAt: subject.firstSignInAt ? new Date(subject.firstSignInAt) : null,
    subjectTerminatedOn: subject.terminatedOn || null,
  };
}
