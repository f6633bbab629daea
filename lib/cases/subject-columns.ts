export function subjectColumns(
  subject: Partial<
    Record<
      "name" | "role" | "team" | "hiringChannel" | "startDate" | "accessLevel" | "location",
      string | null | undefined
    >
  >,
) {
  return {
    subjectName: subject.name || null,
    subjectRole: subject.role || null,
    subjectTeam: subject.team || null,
    subjectHiringChannel: subject.hiringChannel || null,
    subjectStartDate: subject.startDate || null,
    subjectAccessLevel: subject.accessLevel || null,
    subjectLocation: subject.location || null,
  };
}
