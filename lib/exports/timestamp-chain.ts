import { X509Certificate } from "node:crypto";

const TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
const MAX_DEPTH = 8;

/** Every certificate in a PEM bundle. */
export function readCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509Certificate(b));
}

const validAt = (cert: X509Certificate, at: Date) =>
  Date.parse(cert.validFrom) <= at.getTime() && at.getTime() <= Date.parse(cert.validTo);

const issuedBy = (cert: X509Certificate, issuer: X509Certificate) => {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
};

/**
 * Whether a timestamp token's signer is a time-stamping authority the reader trusts: its
 * certificate is for time-stamping (extended key usage timeStamping, as RFC 3161 requires) and
 * chains, through CA certificates the token carries, to one of `anchors`, every link valid at the
 * time the token states. Answers null when it does, or why not. Revocation is not checked.
 */
export function tsaChainProblem(
  signer: X509Certificate,
  carried: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  at: Date,
): string | null {
  if (anchors.length === 0) return "the CA file holds no certificate";
  if (!(signer.keyUsage ?? []).includes(TIME_STAMPING))
    return "its signing certificate is not for time-stamping (no timeStamping extended key usage)";
  let cert = signer;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!validAt(cert, at))
      return `the certificate of ${cert.subject.replace(/\n/g, ", ")} was not valid at ${at.toISOString()}`;
    const anchor = anchors.find((a) => a.fingerprint256 === cert.fingerprint256 || issuedBy(cert, a));
    if (anchor) return validAt(anchor, at) ? null : `the trusted CA certificate was not valid at ${at.toISOString()}`;
    const issuer = carried.find((c) => c.ca && c.fingerprint256 !== cert.fingerprint256 && issuedBy(cert, c));
    if (!issuer)
      return `its signer (${signer.subject.replace(/\n/g, ", ")}) does not chain to a certificate in the CA file`;
    cert = issuer;
  }
  return "its certificate chain is too long";
}
