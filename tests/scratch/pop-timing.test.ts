import { it } from 'vitest';
import { startDovecot } from '../helpers/dovecot.js';
import { probeServer } from '../../src-main/engine/sync/connect/probe.js';
import { openPop3 } from '../../src-main/engine/sync/connect/pop3-session.js';
it('times', async () => {
  const d = await startDovecot();
  let t = Date.now();
  const lap = (l: string) => { console.log(l, Date.now() - t); t = Date.now(); };
  console.log(await probeServer({ protocol: 'pop3', host: 'localhost', port: d.pop3Port, security: 'starttls' }, { caCertPem: d.certPem }));
  lap('probe');
  const s = { host: 'localhost', port: d.pop3Port, security: 'starttls' as const, username: 'alice' };
  const pop = await openPop3(s, { password: 's3cret-pass' }, d.certPem);
  lap('open');
  console.log(await pop.STAT()); lap('stat');
  console.log(await pop.UIDL()); lap('uidl');
  await pop.QUIT(); lap('quit');
  await d.stop();
});
