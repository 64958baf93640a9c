/**
 * A database password can be a query parameter (`?password=`, `sslpassword=`; pg and mysql2
 * take them): it is never shown — not in source labels, errors, sketch files or the inventory.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../common/errors.js';
import { scan } from '../index.js';
import { parseDbTarget, redactUrl } from '../sources/url.js';

describe('passwords in URL query parameters', () => {
  it('are replaced in labels and redacted URLs, other parameters kept', () => {
    const t = parseDbTarget('postgres://app@db:5432/crm?password=S3cret&sslpassword=K3y&sslmode=disable&table=people');
    expect(t.connect).toContain('password=S3cret'); // the driver still gets it
    expect(t.label).toBe('postgres://app@db:5432/crm?password=***&sslpassword=***&sslmode=disable');
    expect(redactUrl('mysql://root@h/db?PASSWORD=x%26y&charset=utf8mb4')).toBe('mysql://root@h/db?PASSWORD=***&charset=utf8mb4');
    expect(redactUrl('mysql://root:pw@h/db?pass=1')).toBe('mysql://root:***@h/db?pass=***');
    expect(redactUrl('postgres://h/db?application_name=pass')).toBe('postgres://h/db?application_name=pass');
  });

  it('are not in the error for a server that cannot be reached', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-qa-url-'));
    const e = await scan(['postgres://postgres@127.0.0.1:1/test?password=S3cretPW'], { key: 'qa-test', stateDir: join(d, '.state') }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(JSON.stringify((e as InputError).problems)).not.toContain('S3cretPW');
    expect((e as InputError).problems[0]!.file).toBe('postgres://postgres@127.0.0.1:1/test?password=***');
  });
});
