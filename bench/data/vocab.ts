import type { Random } from "./random";

// Word lists for synthetic but plausible text. Everything is fictional.
export const firstNames = ["Ethan", "Lucas", "Sofia", "Daniel", "Maya", "Kevin", "Grace", "Ryan", "Chloe", "Jason", "Emily", "Victor", "Anna", "Leo", "Nina", "Oscar", "Ivy", "Marcus", "Zoe", "Adrian", "Elena", "Hugo", "Lina", "Felix", "Mira", "Noah", "Iris", "Owen", "Tara", "Jonas"];
export const lastNames = ["Exampleton", "Samplewood", "Fictionova", "Placeholder", "Testbridge", "Mockford", "Demoray", "Stubbins", "Fakeley", "Dummont", "Proxley", "Templeton", "Sketchley", "Draftwell", "Modelsen", "Figmore", "Notreal", "Pretendo", "Blankley", "Shadowmere"];
export const roles = ["Senior Solidity Engineer", "Backend Engineer", "Frontend Engineer", "Full-stack Developer", "Mobile Developer", "DevOps Engineer", "Data Engineer", "QA Automation Engineer", "Site Reliability Engineer", "Machine Learning Engineer", "Security Engineer", "Game Developer"];
export const teams = ["Payments Platform", "Core API", "Web", "Mobile", "Data Platform", "Infrastructure", "Identity", "Growth", "Trading", "Wallet", "Developer Tools", "Support Tools"];
export const channels = ["Staffing vendor: Brightpath Talent", "Staffing vendor: NorthBridge Staffing", "Freelance platform", "Employee referral", "Job board", "LinkedIn outreach", "Agency: BlueRiver Recruiting", "Direct application"];
export const accessLevels = ["Production read", "Staging only", "GitHub org write", "Read-only production logs", "Admin on CI", "Customer data read", "No production access"];
export const locations = ["Austin, Texas, USA", "Toronto, Canada", "Warsaw, Poland", "Belgrade, Serbia", "Kyiv, Ukraine", "Tokyo, Japan", "Seattle, Washington, USA", "London, UK", "Singapore", "Dubai, UAE", "Atlanta, Georgia, USA", "Vancouver, Canada", "Berlin, Germany", "Manila, Philippines"];
export const timezones = ["America/Chicago", "America/Toronto", "Europe/Warsaw", "Europe/Belgrade", "Asia/Tokyo", "America/Los_Angeles", "Europe/London", "Asia/Singapore", "Asia/Dubai", "America/New_York"];
export const nationalities = ["US", "CA", "PL", "RS", "UA", "JP", "GB", "SG", "AE", "DE", "PH"];
export const tags = ["laptop-farm", "crypto-payout", "ip-kvm", "vendor", "shared-identifier", "payment-platform", "freelance", "face-swap", "backfilled-github", "extortion", "stolen-identity", "vpn", "remote-access-tool", "sanctions", "code-exfil", "applicant", "contractor", "referral-chain"];
export const universities = ["University of Belgrade", "Tokyo Institute of Technology", "University of Toronto", "Warsaw University of Technology", "National University of Singapore", "Kyiv Polytechnic Institute"];
export const employers = ["Acme Fintech", "Globex Games", "Initech Cloud", "Umbrella Analytics", "Hooli Pay", "Stark Mobile", "Wayne Data", "Cyberdyne Labs"];
export const redFlagCodes = ["NO_VIDEO", "VIDEO_MISMATCH", "INTERVIEW_READING", "PROFILE_MISMATCH", "UNVERIFIABLE_EDUCATION", "REUSED_IDENTIFIER", "BACKFILLED_GITHUB", "LOW_RATE_ACCEPTED", "REFERS_CANDIDATES", "SHIP_ADDRESS_CHANGE", "LAPTOP_FARM", "IP_KVM", "REMOTE_ACCESS_TOOL", "VPN_ASTRILL", "IMPOSSIBLE_TRAVEL", "SHARED_EGRESS", "TIMEZONE_MISMATCH", "UNMANAGED_DEVICE", "CRYPTO_PAYOUT", "PAYMENT_PLATFORM", "PAYMENT_CHANGES", "SHARED_BANK", "SANCTIONS_HIT", "CODE_EXFIL", "CREDENTIAL_HARVEST", "EXTORTION", "STOLEN_IDENTITY"];

const titleShapes = [
  (s: string, r: string) => `${r}: laptop shipped to a forwarding address`,
  (s: string, r: string) => `${r} asks for pay in USDC; camera never on`,
  (s: string, _r: string) => `${s}: shared phone and wallet with another contractor`,
  (s: string, _r: string) => `Applicant ${s} with a backfilled GitHub profile`,
  (s: string, r: string) => `${r}: IP-KVM found on the company laptop`,
  (s: string, _r: string) => `${s} logs in from two countries within an hour`,
  (s: string, r: string) => `Vendor-placed ${r} with an unverifiable degree`,
  (s: string, _r: string) => `${s}: résumé identical to an earlier applicant`,
  (s: string, r: string) => `${r} refers three candidates with the same address`,
  (s: string, _r: string) => `Extortion email after ${s} was let go`,
];

const sentences = [
  "EDR flagged a PiKVM-style USB device on the laptop.",
  "Shipping record shows the laptop went to a freight forwarder, not the résumé address.",
  "The interviewee read answers from a second screen and avoided the camera.",
  "Payroll received a request to move half the salary to a crypto wallet.",
  "The same VoIP number appears on two other personas.",
  "Logins came through Astrill VPN and a residential proxy.",
  "Working hours do not fit the claimed time zone.",
  "GitHub history was backfilled with years of commits in one week.",
  "The staffing vendor could not produce the onboarding documents.",
  "AnyDesk was installed on the company device without a ticket.",
  "Payment details changed three times in two months.",
  "Counsel asked to hold the final payment until the sanctions position is clear.",
  "Interview recording shows face-swap artefacts around the jawline.",
  "Repositories were cloned to a personal account the day before termination.",
  "The degree could not be verified with the university.",
  "Two employees sign in from the same egress IP within minutes.",
  "Vendor confirmed the candidate was referred by another contractor.",
  "Access was revoked and all sessions terminated.",
  "Device serial does not match the onboarding record.",
  "We received a message threatening to leak source code unless paid.",
];

const mentions = ["was copied on the vendor thread.", "confirmed the shipping address by phone.", "shares the payout wallet.", "interviewed the candidate.", "signed the onboarding forms.", "appears in the referral chain."];

export function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

export function caseTitle(random: Random, subject: string, role: string): string {
  return random.pick(titleShapes)(subject, role);
}

/** A paragraph of 1-n sentences, sometimes with Markdown, for summaries and notes. */
export function paragraph(random: Random, maxSentences: number): string {
  const n = random.int(1, maxSentences);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(random.pick(sentences));
  // Names and contact details make searches as selective as real ones (a word in every note is not).
  if (random.chance(0.4)) parts.push(`${personName(random)} ${random.pick(mentions)}`);
  const text = parts.join(" ");
  return random.chance(0.15) ? `## Update\n\n- ${parts.join("\n- ")}` : text;
}
