import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.js';

export interface Certificate {
  keyPem: string;
  certPem: string;
}

/**
 * A self-signed certificate made with openssl for the given names (DNS names, or IPs), optionally already expired
 * (`openssl ca -selfsign` with dates in 2020, since `req -x509` cannot back-date), for TLS failure tests.
 */
export function makeCertificate(names: string[], options: { expired?: boolean } = {}): Certificate {
  const dir = tempDir('facteur-cert-');
  const san = names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const subject = ['-subj', `/CN=${names[0] ?? 'localhost'}`, '-addext', `subjectAltName=${san}`];
  if (!options.expired) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', ...subject, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  } else {
    const csr = join(dir, 'req.csr');
    execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', ...subject, '-keyout', key, '-out', csr], { stdio: 'ignore' });
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '01\n');
    writeFileSync(
      join(dir, 'ca.cnf'),
      `[ca]\ndefault_ca = d\n[d]\ndatabase = ${dir}/index.txt\nnew_certs_dir = ${dir}\nserial = ${dir}/serial\ndefault_md = sha256\npolicy = p\ncopy_extensions = copy\nunique_subject = no\n[p]\ncommonName = supplied\n`,
    );
    execFileSync('openssl', [
      'ca', '-batch', '-config', join(dir, 'ca.cnf'), '-selfsign', '-keyfile', key, '-in', csr, '-out', cert,
      '-startdate', '20200101000000Z', '-enddate', '20200102000000Z',
    ], { stdio: 'ignore' });
  }
  return { keyPem: readFileSync(key, 'utf8'), certPem: readFileSync(cert, 'utf8') };
}
