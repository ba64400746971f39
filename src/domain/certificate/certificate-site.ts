/** A site as printed on the certificate, each with its own scope text (17021-1 8.2.2). */
export interface CertificateSite {
  siteId: string;
  name: string;
  address: string;
  scope: string;
}
