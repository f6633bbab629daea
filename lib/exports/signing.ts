import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { dataFolderSecret } from "@/lib/secrets";

export const SIGNING_KEY_FILE = "signing-key.pem";

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** PEM (SPKI) of the public key, as shipped in every pack. */
  publicKeyPem: string;
  /** SHA-256 of the DER public key, hex: what an administrator publishes for verifiers. */
  fingerprint: string;
}

const cache = new Map<string, SigningKey>();

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}

function fromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`${SIGNING_KEY_FILE} does not hold an Ed25519 key`);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    fingerprint: keyFingerprint(publicKey),
  };
}

/** SIGNING_KEY_FILE when set and the data folder is the configured one, else the data folder's key. */
const keyFileFor = (dataDir: string) =>
  env.SIGNING_KEY_FILE && dataDir === env.DATA_DIR ? env.SIGNING_KEY_FILE : path.join(dataDir, SIGNING_KEY_FILE);

/**
 * The deployment's Ed25519 key: SIGNING_KEY_FILE when set (required on PostgreSQL, shared by every
 * instance), else created on first use in the data folder (dataFolderSecret).
 */
export function instanceSigningKey(dataDir = env.DATA_DIR): SigningKey {
  const file = keyFileFor(dataDir);
  const cached = cache.get(file);
  if (cached) return cached;
  const configured = file !== path.join(dataDir, SIGNING_KEY_FILE);
  const pem = configured
    ? fs.readFileSync(file, "utf8")
    : dataFolderSecret(
        SIGNING_KEY_FILE,
        () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
        dataDir,
      );
  const key = fromPem(pem);
  cache.set(file, key);
  return key;
}

/** The instance key if it exists, without creating one (verifying a pack must not mint keys). */
export function existingSigningKey(dataDir = env.DATA_DIR): SigningKey | null {
  const file = keyFileFor(dataDir);
  if (!cache.has(file) && !fs.existsSync(file)) return null;
  return instanceSigningKey(dataDir);
}

/** Ed25519 over the exact bytes (no pre-hash), which is what `openssl pkeyutl -verify -rawin` checks. */
export function signBytes(key: SigningKey, bytes: Uint8Array): Buffer {
  return sign(null, bytes, key.privateKey);
}

/** The check matching signBytes; false (never a throw) for a malformed signature or a key of another type. */
export function verifySignedBytes(publicKey: KeyObject, bytes: Uint8Array, signature: Uint8Array): boolean {
  try {
    return publicKey.asymmetricKeyType === "ed25519" && verify(null, bytes, publicKey, signature);
  } catch {
    return false;
  }
}
