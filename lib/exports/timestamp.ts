import { createHash, randomBytes, verify as verifySignature, X509Certificate } from "node:crypto";
import { SignedData } from "@peculiar/asn1-cms";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { MessageImprint, PKIStatus, TimeStampReq, TimeStampResp, TSTInfo } from "@peculiar/asn1-tsp";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";

/*
 * RFC 3161 trusted timestamps over a pack's manifest.json: the request is built and the reply read
 * here (DER through @peculiar's ASN.1 schemas); the TSA does the signing, and anyone can check the
 * result with `openssl ts -verify`.
 */

const SHA256 = "2.16.840.1.101.3.4.2.1";
const MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
const TST_INFO = "1.2.840.113549.1.9.16.1.4";
const DIGESTS: Record<string, string> = {
  [SHA256]: "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
  "1.3.14.3.2.26": "sha1",
};
// A TSA answers in well under a second; one that hangs must not hold a pack build for long.
const TSA_TIMEOUT_MS = 30_000;
const MAX_REPLY_BYTES = 1024 * 1024;

export interface TimestampInfo {
  /** The time the TSA vouches for, ISO 8601. */
  genTime: string;
  /** The SHA-256 the TSA signed, hex. */
  sha256: string;
  serial: string;
  policy: string;
  /** The subject of the certificate that signed the token, as OpenSSL prints it. */
  signer: string | null;
}

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString("hex");

function derSet(items: Buffer[]): Buffer {
  const body = Buffer.concat(items);
  const n = body.length;
  const length =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : n < 0x10000
          ? Buffer.from([0x82, n >> 8, n & 0xff])
          : null;
  if (!length) throw new Error("the token's signed attributes are too large");
  return Buffer.concat([Buffer.from([0x31]), length, body]);
}

/** The DER TimeStampReq for a SHA-256, asking for the TSA's certificate in the reply. */
export function timestampRequest(sha256Hex: string, nonce: Buffer): Buffer {
  const req = new TimeStampReq({
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA256, parameters: null }),
      hashedMessage: new OctetString(Buffer.from(sha256Hex, "hex")),
    }),
    // A positive INTEGER in minimal DER: top bit clear, first byte not zero.
    nonce: new Uint8Array([nonce[0]! & 0x7f || 1, ...nonce.subarray(1)]).buffer,
    certReq: true,
  });
  return Buffer.from(AsnConvert.serialize(req));
}

/**
 * Reads a TimeStampResp and checks what needs no trust anchor: the TSA granted it, it covers
 * `sha256Hex`, and its CMS signature verifies with the certificate it carries over the TSTInfo it
 * signs. Whether that certificate belongs to a TSA the reader trusts is `openssl ts -verify
 * -CAfile` with the TSA's own CA certificate. Throws with the reason on any failure.
 */
export function readTimestamp(reply: Buffer, sha256Hex: string): TimestampInfo & { nonce: string | null } {
  const { signerCertificate: _s, certificates: _c, ...info } = readTimestampToken(reply, sha256Hex);
  return info;
}

/** readTimestamp, with the certificate that signed the token and every certificate the token carries. */
export function readTimestampToken(
  reply: Buffer,
  sha256Hex: string,
): TimestampInfo & { nonce: string | null; signerCertificate: X509Certificate; certificates: X509Certificate[] } {
  const resp = AsnConvert.parse(reply, TimeStampResp);
  const status = resp.status.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = resp.status.statusString?.join("; ");
    throw new Error(`the TSA refused the request (status ${status}${text ? `: ${text}` : ""})`);
  }
  if (!resp.timeStampToken) throw new Error("the reply holds no timestamp token");
  const signed = AsnConvert.parse(resp.timeStampToken.content, SignedData);
  if (signed.encapContentInfo.eContentType !== TST_INFO) throw new Error("the token does not hold a TSTInfo");
  const content = signed.encapContentInfo.eContent?.single?.buffer ?? signed.encapContentInfo.eContent?.any;
  if (!content) throw new Error("the token's TSTInfo is missing");
  const tstBytes = Buffer.from(content);
  const tst = AsnConvert.parse(tstBytes, TSTInfo);
  const imprintAlg = tst.messageImprint.hashAlgorithm.algorithm;
  const imprint = hex(tst.messageImprint.hashedMessage.buffer);
  if (imprintAlg !== SHA256 || imprint !== sha256Hex.toLowerCase())
    throw new Error(`it covers ${imprint} (${DIGESTS[imprintAlg] ?? imprintAlg}), not the SHA-256 ${sha256Hex}`);

  const signer = signed.signerInfos[0];
  if (!signer?.signedAttrs?.length) throw new Error("the token has no signed attributes");
  const digestName = DIGESTS[signer.digestAlgorithm.algorithm];
  if (!digestName) throw new Error(`unknown digest ${signer.digestAlgorithm.algorithm}`);
  const digestAttr = signer.signedAttrs.find((a) => a.attrType === MESSAGE_DIGEST)?.attrValues[0];
  const expected = createHash(digestName).update(tstBytes).digest("hex");
  if (!digestAttr || hex(AsnConvert.parse(digestAttr, OctetString).buffer) !== expected)
    throw new Error("its signed digest does not match its TSTInfo: the token was altered");
  // The signature is over the attributes DER-encoded as a SET, not as the [0] they are stored in;
  // each attribute re-encodes to its original DER, in the order it was signed.
  const attrs = derSet(signer.signedAttrs.map((a) => Buffer.from(AsnConvert.serialize(a))));
  const certs = (signed.certificates ?? []).flatMap((c) =>
    c.certificate ? [new X509Certificate(Buffer.from(AsnConvert.serialize(c.certificate)))] : [],
  );
  const signature = Buffer.from(signer.signature.buffer);
  const by = certs.find((cert) => {
    try {
      return verifySignature(digestName, attrs, cert.publicKey, signature);
    } catch {
      return false;
    }
  });
  if (!by) throw new Error("its signature does not verify with the certificate it carries: the token was altered");
  return {
    genTime: tst.genTime.toISOString(),
    sha256: imprint,
    serial: hex(tst.serialNumber),
    policy: tst.policy,
    signer: by.subject.replace(/\n/g, ", "),
    nonce: tst.nonce ? hex(tst.nonce) : null,
    signerCertificate: by,
    certificates: certs,
  };
}

/** Asks the TSA at `url` to timestamp a SHA-256; returns its reply (for manifest.tsr) and what it says. */
export async function requestTimestamp(
  url: string,
  sha256Hex: string,
): Promise<{ reply: Buffer; info: TimestampInfo }> {
  const nonce = randomBytes(8);
  const body = timestampRequest(sha256Hex, nonce);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/timestamp-query", accept: "application/timestamp-reply" },
    body: new Uint8Array(body),
    signal: AbortSignal.timeout(TSA_TIMEOUT_MS),
  });
  const reply = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`HTTP ${response.status} ${reply.toString("utf8", 0, 200).trim()}`);
  if (reply.length > MAX_REPLY_BYTES) throw new Error("the reply is too large");
  const { nonce: echoed, ...info } = readTimestamp(reply, sha256Hex);
  const sent = hex(AsnConvert.parse(body, TimeStampReq).nonce!);
  if (echoed !== sent) throw new Error("the reply answers another request (its nonce differs)");
  return { reply, info };
}
