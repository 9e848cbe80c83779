// A throwaway self-signed certificate for 127.0.0.1, made at run time with openssl (Node has no
// X.509 writer). mixpanel-node refuses to send an API secret over plain http, so the /import
// comparison runs over TLS for both clients. Nothing is kept on disk.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** @returns {{ key: string, cert: string }} PEM strings valid for one day */
export const selfSignedCert = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mp-bench-tls-'))
  try {
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'ignore' },
    )
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
