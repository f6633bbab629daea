import { certificateDocx } from "./docx";
import { plainCertificate, usDeclaration } from "./forms";
import type { CertificateInput } from "./model";
import { certificatePdf } from "./pdf";

export { certificatePaths } from "./forms";
export type { CertificateInput } from "./model";

/**
 * The pre-filled certificates of a pack (the US declaration and the plain certificate), each as PDF
 * and DOCX. Made after the manifest, whose SHA-256 they state.
 */
export async function certificateFiles(input: CertificateInput): Promise<{ path: string; bytes: Buffer }[]> {
  const files: { path: string; bytes: Buffer }[] = [];
  for (const cert of [usDeclaration(input), plainCertificate(input)]) {
    files.push({ path: `certification/${cert.name}.pdf`, bytes: await certificatePdf(cert, input) });
    files.push({ path: `certification/${cert.name}.docx`, bytes: await certificateDocx(cert, input) });
  }
  return files;
}
