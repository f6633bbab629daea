import type { ClaimedCredential, PersonaLinkRelation, PersonaStatus } from "@/db/schema";

/**
 * Fictional personas for the demo, modelled on the patterns in public advisories (see
 * shared/domain/red-flags.md). Every name is invented; none is meant to resemble a real person.
 */
export type PersonaKey =
  | "exampleton"
  | "farmstead"
  | "samplewood"
  | "fictionova"
  | "dummic"
  | "placeholdo"
  | "demovic"
  | "mockford"
  | "goldfox";

export interface DemoPersona {
  key: PersonaKey;
  displayName: string;
  aliases: string[];
  claimedLocation: string | null;
  claimedTimezone: string | null;
  claimedNationality: string | null;
  claimedEducation: ClaimedCredential[];
  claimedEmployers: ClaimedCredential[];
  status: PersonaStatus;
  riskScore: number;
  notes: string;
  redFlags: { code: string; note: string }[];
}

export const demoPersonas: readonly DemoPersona[] = [
  {
    key: "exampleton",
    displayName: "Ethan Exampleton",
    aliases: ["E. Exampleton", "ethan.dev"],
    claimedLocation: "Austin, Texas, USA",
    claimedTimezone: "America/Chicago",
    claimedNationality: "American",
    claimedEducation: [
      { name: "B.Sc. Computer Science, University of Belgrade", detail: "2014-2018", verification: "failed" },
    ],
    claimedEmployers: [
      { name: "Example Chain Labs", detail: "Smart-contract engineer, 2019-2024", verification: "unverified" },
    ],
    status: "confirmed",
    riskScore: 94,
    notes:
      "Hired as a senior Solidity engineer through a staffing vendor. Company laptop was redirected to a forwarding address before day one.",
    redFlags: [
      { code: "NO_VIDEO", note: "Camera 'broken' in all three interviews" },
      { code: "UNVERIFIABLE_EDUCATION", note: "University registry has no record of the degree" },
      { code: "SHIP_ADDRESS_CHANGE", note: "Asked to ship the laptop to a 'relative' two days before start" },
      { code: "LAPTOP_FARM", note: "Shipping address received at least 11 corporate laptops" },
      { code: "IP_KVM", note: "EDR saw a PiKVM-style USB device on the laptop" },
      { code: "VPN_ASTRILL", note: "Astrill VPN egress on most sign-ins" },
      { code: "TIMEZONE_MISMATCH", note: "Commits cluster 01:00-09:00 Central time" },
      { code: "CRYPTO_PAYOUT", note: "Asked for half of each payment in USDC" },
      { code: "REUSED_IDENTIFIER", note: "Phone and wallet seen on two other personas" },
    ],
  },
  {
    key: "farmstead",
    displayName: "Dana Farmstead",
    aliases: ["D. Farmstead"],
    claimedLocation: "Exampleville, Texas, USA",
    claimedTimezone: "America/Chicago",
    claimedNationality: "American",
    claimedEducation: [],
    claimedEmployers: [{ name: "Farmstead Logistics (sole trader)", verification: "unverified" }],
    status: "suspected",
    riskScore: 72,
    notes:
      "Receives laptops at the forwarding address and keeps them online. Possibly a paid facilitator rather than an operator.",
    redFlags: [
      { code: "LAPTOP_FARM", note: "Address linked to laptops of three different 'employees'" },
      { code: "REMOTE_ACCESS_TOOL", note: "Same AnyDesk id installed on two company laptops" },
    ],
  },
  {
    key: "samplewood",
    displayName: "Lucas Samplewood",
    aliases: ["Luke S.", "lsamplewood"],
    claimedLocation: "Toronto, Ontario, Canada",
    claimedTimezone: "America/Toronto",
    claimedNationality: "Canadian",
    claimedEducation: [
      {
        name: "B.Eng. Software Engineering",
        detail: "Institution not named on the résumé",
        verification: "unverified",
      },
    ],
    claimedEmployers: [{ name: "Sample Fintech Inc.", detail: "Backend engineer, 2020-2024", verification: "failed" }],
    status: "confirmed",
    riskScore: 88,
    notes: "Backend contractor found through a freelance platform; paid through Payoneer, later asked for USDC.",
    redFlags: [
      { code: "INTERVIEW_READING", note: "Long pauses, answers read from another screen" },
      { code: "PAYMENT_PLATFORM", note: "Payoneer account in a third party's name" },
      { code: "CRYPTO_PAYOUT", note: "Same USDC wallet as Ethan Exampleton" },
      { code: "SHARED_EGRESS", note: "Signs in from the same IP as Ethan Exampleton" },
      { code: "REMOTE_ACCESS_TOOL", note: "AnyDesk on the contractor laptop" },
      { code: "REUSED_IDENTIFIER", note: "Phone number shared with two other personas" },
    ],
  },
  {
    key: "fictionova",
    displayName: "Sofia Fictionova",
    aliases: ["Sofia F.", "sofia-dev"],
    claimedLocation: "Warsaw, Poland",
    claimedTimezone: "Europe/Warsaw",
    claimedNationality: "Polish",
    claimedEducation: [
      { name: "M.Sc. Computer Science", detail: "Claimed, not yet checked", verification: "unverified" },
    ],
    claimedEmployers: [{ name: "Placeholder Software GmbH", verification: "unverified" }],
    status: "suspected",
    riskScore: 76,
    notes: "Applicant for a senior React role. Résumé text is byte-identical to another applicant's.",
    redFlags: [
      { code: "BACKFILLED_GITHUB", note: "Account created this year with six years of backdated commits" },
      { code: "PROFILE_MISMATCH", note: "Different photo on the professional-network profile" },
      { code: "VIDEO_MISMATCH", note: "Face-swap artefacts around the jawline on the video call" },
      { code: "REUSED_IDENTIFIER", note: "Phone and wallet match CASE-0001 and CASE-0002 personas" },
    ],
  },
  {
    key: "dummic",
    displayName: "Aleksandar Dummic",
    aliases: ["Alex D."],
    claimedLocation: "Belgrade, Serbia",
    claimedTimezone: "Europe/Belgrade",
    claimedNationality: "Serbian",
    claimedEducation: [{ name: "B.Sc. Informatics, University of Belgrade", verification: "failed" }],
    claimedEmployers: [],
    status: "suspected",
    riskScore: 61,
    notes: "Earlier applicant who referred Sofia Fictionova; same résumé file.",
    redFlags: [
      { code: "UNVERIFIABLE_EDUCATION", note: "Degree certificate number does not exist" },
      { code: "REFERS_CANDIDATES", note: "Referred two further applicants within a week" },
      { code: "REUSED_IDENTIFIER", note: "Résumé hash matches Sofia Fictionova's" },
    ],
  },
  {
    key: "placeholdo",
    displayName: "Kenji Placeholdo",
    aliases: [],
    claimedLocation: "Seattle, Washington, USA",
    claimedTimezone: "America/Los_Angeles",
    claimedNationality: "American",
    claimedEducation: [{ name: "B.Sc. Statistics", verification: "verified" }],
    claimedEmployers: [{ name: "Mock Analytics LLC", verification: "verified" }],
    status: "suspected",
    riskScore: 45,
    notes: "Data engineer, four months in. Alert from identity provider; may be a VPN misconfiguration.",
    redFlags: [
      { code: "IMPOSSIBLE_TRAVEL", note: "Sign-ins from two continents 40 minutes apart" },
      { code: "VPN_ASTRILL", note: "One sign-in from a known Astrill exit" },
      { code: "UNMANAGED_DEVICE", note: "Browser session from an unenrolled device" },
    ],
  },
  {
    key: "demovic",
    displayName: "Marko Demović",
    aliases: ["M. Demovic", "markod"],
    claimedLocation: "Zagreb, Croatia",
    claimedTimezone: "Europe/Zagreb",
    claimedNationality: "Croatian",
    claimedEducation: [],
    claimedEmployers: [{ name: "Fictional Apps d.o.o.", verification: "failed" }],
    status: "confirmed",
    riskScore: 90,
    notes:
      "Contractor terminated for non-performance; a week later demanded payment in bitcoin not to publish source code.",
    redFlags: [
      { code: "CODE_EXFIL", note: "Cloned four private repositories to a personal account" },
      { code: "EXTORTION", note: "Demanded 2 BTC to not leak the code" },
      { code: "PAYMENT_CHANGES", note: "Changed bank details three times in two months" },
      { code: "CRYPTO_PAYOUT", note: "Ransom wallet given in the threat email" },
    ],
  },
  {
    key: "mockford",
    displayName: "Priya Mockford",
    aliases: [],
    claimedLocation: "Lisbon, Portugal",
    claimedTimezone: "Europe/Lisbon",
    claimedNationality: "British",
    claimedEducation: [{ name: "M.Eng. Computing", verification: "verified" }],
    claimedEmployers: [{ name: "Sample Retail plc", verification: "verified" }],
    status: "cleared",
    riskScore: 5,
    notes: "Flagged for working hours; HR confirmed an approved relocation from London.",
    redFlags: [{ code: "TIMEZONE_MISMATCH", note: "Explained: approved relocation, HR ticket on file" }],
  },
  {
    key: "goldfox",
    displayName: "Unattributed operator 'gold-fox'",
    aliases: ["gold-fox", "goldfox_dev"],
    claimedLocation: null,
    claimedTimezone: null,
    claimedNationality: null,
    claimedEducation: [],
    claimedEmployers: [],
    status: "suspected",
    riskScore: 85,
    notes:
      "Telegram contact that paid the facilitator and controls the shared wallet. Not attributed to any named person.",
    redFlags: [
      { code: "SHARED_BANK", note: "Same payout wallet across three personas" },
      { code: "CRYPTO_PAYOUT", note: "Controls the USDC wallet" },
    ],
  },
];

export interface DemoPersonaLink {
  from: PersonaKey;
  to: PersonaKey;
  relation: PersonaLinkRelation;
  confidence: number;
  rationale: string;
}

export const demoPersonaLinks: readonly DemoPersonaLink[] = [
  {
    from: "exampleton",
    to: "goldfox",
    relation: "operated_by",
    confidence: 80,
    rationale:
      "Payouts for Exampleton go to the wallet gold-fox named in Telegram chats with the facilitator; same phone in both accounts.",
  },
  {
    from: "samplewood",
    to: "goldfox",
    relation: "operated_by",
    confidence: 75,
    rationale: "Shared wallet, shared egress IP with Exampleton, identical interview answers.",
  },
  {
    from: "farmstead",
    to: "exampleton",
    relation: "facilitator_of",
    confidence: 85,
    rationale: "The company laptop for Exampleton was delivered to Farmstead's unit and kept online there.",
  },
  {
    from: "fictionova",
    to: "dummic",
    relation: "referred_by",
    confidence: 90,
    rationale: "Referral form names Aleksandar Dummic; both submitted the same résumé file.",
  },
];
