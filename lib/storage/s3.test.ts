import fs from "node:fs";
import { ListMultipartUploadsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { blobStoreContract, tempRoot } from "@/lib/testing/store-contract";
import { s3Client } from "./index";
import { instanceId } from "./leases";
import { S3BlobStore } from "./s3";

// A real S3 server, never a stand-in: `scripts/s3-server.sh start` runs one (Swift with s3api)
// and prints the settings; .ci/run does that before the tests.
const config = parseEnv(process.env);
const reason = config.S3_ENDPOINT
  ? ""
  : " (skipped: S3_ENDPOINT is not set; run `bash scripts/s3-server.sh start` and export what it prints)";

describe.skipIf(!config.S3_ENDPOINT || !config.S3_BUCKET)(`S3BlobStore against a real S3 server${reason}`, () => {
  const root = tempRoot();
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const client = s3Client(config);
  const store = new S3BlobStore(client, config.S3_BUCKET!, root);

  /** This process's temp objects and unfinished multipart uploads (other test processes may share the bucket). */
  async function leftovers(): Promise<string[]> {
    const Prefix = `tmp/${instanceId()}-`;
    const objects = await client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix }));
    const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: store.bucket, Prefix }));
    return [
      ...(objects.Contents ?? []).map((o) => `object ${o.Key}`),
      ...(uploads.Uploads ?? []).map((u) => `multipart upload ${u.Key}`),
    ];
  }

  blobStoreContract(() => ({ store, leftovers }));

  it("keeps evidence under evidence/ab/cd/<sha256>, as the folder store names it", () => {
    const sha = "ab".repeat(32);
    expect(store.keyOf(sha)).toBe(`evidence/ab/ab/${sha}`);
  });
});
