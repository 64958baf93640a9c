/**
 * False positives on technical data that holds no personal data: SBOMs, advisories, logs,
 * build and CI files. Each case is the shape a real file gave (or a log line written the way
 * the tool writes it), with the true positive next to it where one is close.
 */
import { describe, expect, it } from 'vitest';
import type { DetectionType } from '../core/types.js';
import { detect } from './index.js';

/** The matched texts of `type` in `value`. */
function all(value: string, type: DetectionType, field?: string): string[] {
  return detect(value, field)
    .filter((d) => d.type === type)
    .map((d) => value.slice(d.start, d.end));
}

describe('e-mail: package versions and URL users are not mailboxes', () => {
  it('does not read name@version in a purl or a Maven coordinate as an e-mail', () => {
    for (const v of [
      'pkg:maven/org.hibernate/hibernate-validator@5.4.3.Final?type=jar',
      'pkg:maven/org.hibernate.javax.persistence/hibernate-jpa-2.1-api@1.0.0.Final?type=jar',
      'pkg:maven/org.springframework/spring-core@5.2.3.RELEASE?type=jar',
      'npm ERR! notarget No matching version found for left-pad@1.3.0-beta.next.',
    ]) {
      expect(all(v, 'email', 'components[].purl'), v).toEqual([]);
      expect(all(v, 'email'), v).toEqual([]);
    }
  });
  it('still finds addresses whose host starts with a number', () => {
    expect(all('contact: li.wei@163.com', 'email')).toEqual(['li.wei@163.com']);
    expect(all('ops@1und1.de', 'email')).toEqual(['ops@1und1.de']);
  });
  it('does not read the user part of a URL as an e-mail', () => {
    expect(all('git+ssh://git@github.com/maxogden/concat-stream.git', 'email', 'components[].externalReferences[].url')).toEqual([]);
    expect(all('git+https://taylorhakes@github.com/taylorhakes/fecha.git', 'email')).toEqual([]);
  });
  it('still finds an e-mail inside a URL query or a mailto link', () => {
    expect(all('https://lists.apache.org/list.html?users@maven.apache.org', 'email')).toEqual(['users@maven.apache.org']);
    expect(all('[mail](mailto:security@example.com)', 'email')).toEqual(['security@example.com']);
  });
});

describe('IPv4: versions and addresses that are no one’s', () => {
  it('does not read a four-part version named as such as an IP address', () => {
    for (const v of [
      '<version>4.8.1.1</version>',
      '"version": "10.0.19041.1",',
      'Version: 1.2.3.4',
      'version=2.13.2.1',
      'release 2.4.41.1',
      'firmware 5.12.3.4 loaded',
      'fixed in 2.12.6.1',
      'Introduced: 2.0.0.0, Fixed: 2.13.2.1',
    ]) {
      expect(all(v, 'ip_address'), v).toEqual([]);
    }
  });
  it('does not read an OSV range event or version list as IP addresses', () => {
    expect(all('2.13.2.1', 'ip_address', 'affected[].ranges[].events[].fixed')).toEqual([]);
    expect(all('2.0.0.0', 'ip_address', 'affected[].ranges[].events[].introduced')).toEqual([]);
    expect(all('2.12.6.1', 'ip_address', 'affected[].versions[]')).toEqual([]);
  });
  it('still finds an address after other words, or after a version further back', () => {
    expect(all('Accepted publickey for deploy from 198.51.101.23 port 52214 ssh2', 'ip_address')).toEqual(['198.51.101.23']);
    expect(all('version 2.1 client 10.0.12.34 connected', 'ip_address')).toEqual(['10.0.12.34']);
    expect(all('DHCPACK of 10.0.12.34 from 10.0.0.1 on eth0', 'ip_address')).toEqual(['10.0.12.34', '10.0.0.1']);
    expect(all('10.0.12.34', 'ip_address', 'client_ip')).toEqual(['10.0.12.34']);
  });
  it('does not report the unspecified, loopback or broadcast address', () => {
    expect(all('listen 0.0.0.0:8443 upstream 127.0.0.1:9000 via 127.0.1.1', 'ip_address')).toEqual([]);
    expect(all('Listening on 255.255.255.255 broadcast', 'ip_address')).toEqual([]);
    expect(all('127.0.0.1', 'ip_address', 'remote_addr')).toEqual([]);
    // the addresses next to them still are
    expect(all('0.0.0.0 -> 10.0.0.7, 127.0.0.1 -> 10.0.0.8', 'ip_address')).toEqual(['10.0.0.7', '10.0.0.8']);
  });
});

describe('person names: software named in SBOMs and advisories', () => {
  it('does not read component, package, tool or license names as people', () => {
    for (const [value, field] of [
      ['lodash-es', 'affected[].package.name'],
      ['PyYAML', 'affected[].package.name'],
      ['commons-text', 'components[].name'],
      ['openssl-libs', 'packages[].name'],
      ['CycloneDX Maven plugin', 'metadata.tools[].name'],
      ['keycloak-parent', 'metadata.component.name'],
      ['GNU Lesser General Public License', 'components[].licenses[].license.name'],
      ['Build and Test', 'jobs[].name'],
    ] as const) {
      expect(all(value, 'person_name', field), field).toEqual([]);
    }
  });
  it('still reads the name of an author, a supplier contact or a plain name field as a person', () => {
    expect(all('Jane Doe', 'person_name', 'components[].authors[].name')).toEqual(['Jane Doe']);
    expect(all('Jane Doe', 'person_name', 'metadata.supplier.contact[].name')).toEqual(['Jane Doe']);
    expect(all('Jane Doe', 'person_name', 'name')).toEqual(['Jane Doe']);
    expect(all('Jane Doe', 'person_name', 'customer_name')).toEqual(['Jane Doe']);
  });
});

describe('person names after "name": CI, build and manifest files', () => {
  it('does not take a name out of a longer word, a phrase, or a software key', () => {
    for (const v of [
      '    name: CodeQL Analysis',
      'name: Build and Test',
      '  - name: Set up JDK 17',
      'Bundle-Name: Apache Commons Text',
      'Implementation-Name: Spring Boot',
      'job.name=Nightly Backup',
    ]) {
      expect(all(v, 'person_name'), v).toEqual([]);
    }
  });
  it('still finds the names these keys and titles introduce', () => {
    expect(all('Name: Jane Doe, phone 415-555-2671', 'person_name')).toEqual(['Jane Doe']);
    expect(all('Name: Jane Doe has asked for a copy', 'person_name')).toEqual(['Jane Doe']);
    expect(all('name: Jane', 'person_name')).toEqual(['Jane']);
    expect(all('first_name: Jane last_name: Doe', 'person_name')).toEqual(['Jane', 'Doe']);
    expect(all('Customer-Name: Jean-Luc Picard', 'person_name')).toEqual(['Jean-Luc Picard']);
    expect(all('Mr. Smith updated routing number', 'person_name')).toEqual(['Smith']);
    expect(all('Mr. Brekke-VonRueden updated routing number', 'person_name')).toEqual(['Brekke-VonRueden']);
  });
});

describe('coordinates: pairs of fractions in logs', () => {
  it('does not read two numbers below one as a position without a location context', () => {
    expect(all('level=info msg="GET /health" latency=0.001234, 0.000567', 'geo_coordinates')).toEqual([]);
    expect(all('ratio 0.5123,-0.4411', 'geo_coordinates')).toEqual([]);
  });
  it('still finds such a pair named as a position, and ordinary pairs', () => {
    expect(all('gps 0.3365, 6.7313', 'geo_coordinates')).toEqual(['0.3365, 6.7313']);
    expect(all('buoy position 0.1234, -0.5678', 'geo_coordinates')).toEqual(['0.1234, -0.5678']);
    expect(all('0.1234,-0.5678', 'geo_coordinates', 'coordinates')).toEqual(['0.1234,-0.5678']);
    expect(all('met at 39.9042, 116.4074 today', 'geo_coordinates')).toEqual(['39.9042, 116.4074']);
  });
});

describe('ICD-10: pieces of base64 tokens', () => {
  it('does not read a piece of a JWT as a diagnosis code', () => {
    const jwt = 'Bearer B8r6Vq3ZsuVIcIyMaQyCUB6wywM.05MA36Tly-1gwDgDKcs1O6ujWg4DpzMmXsiCE_qrnWFnF3rFBbQMrD4SoZcDX11aBbUQI6nL_J22N83R.mscINpaTEHl7udlZpGkVmNJa3QM';
    expect(all(jwt, 'icd10')).toEqual([]);
    expect(all('key dx+E119/x', 'icd10')).toEqual([]);
  });
  it('still finds codes after a diagnosis word', () => {
    expect(all('dx: E11.9, I10', 'icd10')).toEqual(['E11.9', 'I10']);
    expect(all('diagnosis (J22) resolved', 'icd10')).toEqual(['J22']);
  });
});

describe('payment cards: published test numbers', () => {
  it('does not report the test card numbers networks and processors publish', () => {
    for (const v of ['4111111111111111', '4242424242424242', '5555555555554444', '378282246310005', '6011111111111117', '3566002020360505', '6200000000000005', '36227206271667']) {
      expect(all(v, 'payment_card'), v).toEqual([]);
      expect(all(v, 'payment_card', 'card_no'), v).toEqual([]);
      expect(all(`charge with card ${v} in the sandbox`, 'payment_card'), v).toEqual([]);
    }
    expect(all('"number": "4111 1111 1111 1111"', 'payment_card')).toEqual([]);
    expect(all('Amex 3782-822463-10005, Visa 4242-4242-4242-4242', 'payment_card')).toEqual([]);
  });
  it('still finds Luhn-valid cards one digit away from them, next to a test number', () => {
    expect(all('card 4111111111111129 (test card 4111111111111111)', 'payment_card')).toEqual(['4111111111111129']);
    expect(all('4242 4242 4242 4259', 'payment_card')).toEqual(['4242 4242 4242 4259']);
    expect(all('378282246310013', 'payment_card', 'card_no')).toEqual(['378282246310013']);
    expect(all('6011111111111125', 'payment_card')).toEqual(['6011111111111125']);
  });
});

describe('IP addresses: documentation ranges', () => {
  it('does not report addresses reserved for documentation (RFC 5737, RFC 3849)', () => {
    expect(all('curl http://192.0.2.10/ from 198.51.100.7 via 203.0.113.254', 'ip_address')).toEqual([]);
    expect(all('203.0.113.45', 'ip_address', 'client_ip')).toEqual([]);
    expect(all('route 2001:db8::1 and 2001:DB8:0:0:8:800:200C:417A, 2001:0db8:85a3::8a2e:370:7334', 'ip_address')).toEqual([]);
    expect(all('2001:db8::ff00:42:8329', 'ip_address', 'ipv6')).toEqual([]);
  });
  it('still finds the addresses next to those ranges', () => {
    expect(all('192.0.3.1 198.51.101.7 203.0.112.9 192.0.2.1 10.0.0.7', 'ip_address')).toEqual(['192.0.3.1', '198.51.101.7', '203.0.112.9', '10.0.0.7']);
    expect(all('2001:db9::1 2001:db80::1 2a01:4f8::1 2001:4860:4860::8888', 'ip_address')).toEqual(['2001:db9::1', '2001:db80::1', '2a01:4f8::1', '2001:4860:4860::8888']);
  });
  it('does not report the IPv4-mapped IPv6 form of an address that is no one\'s as IPv4', () => {
    for (const v of ['::ffff:127.0.0.1', '::FFFF:127.1.2.3', '::ffff:0.0.0.0', '::ffff:255.255.255.255', '::ffff:192.0.2.128', '::ffff:198.51.100.7', '::ffff:203.0.113.254', '0:0:0:0:0:ffff:192.0.2.1', '::ffff:7f00:1', '::ffff:c000:280']) {
      expect(all(`listen [${v}]:8080`, 'ip_address'), v).toEqual([]);
      expect(all(v, 'ip_address', 'remote_addr'), v).toEqual([]);
    }
  });
  it('does not report the deprecated IPv4-compatible form (::/96) of an address that is no one\'s either', () => {
    for (const v of ['::127.0.0.1', '::7f00:1', '::192.0.2.1', '::c000:201', '::203.0.113.9', '0:0:0:0:0:0:127.0.0.1', '::0.0.0.0', '::0.0.0.1']) {
      expect(all(`listen [${v}]:8080`, 'ip_address'), v).toEqual([]);
      expect(all(v, 'ip_address', 'remote_addr'), v).toEqual([]);
    }
  });
  it('still finds the IPv4-compatible form of other addresses', () => {
    expect(all('from ::8.8.8.8 and ::1.2.3.4', 'ip_address')).toEqual(['::8.8.8.8', '::1.2.3.4']);
    expect(all('::808:808 0:0:0:0:0:0:192.0.3.1', 'ip_address')).toEqual(['::808:808', '0:0:0:0:0:0:192.0.3.1']);
  });
  it('still finds the IPv4-mapped form of other addresses, and addresses that only look mapped', () => {
    expect(all('from ::ffff:203.0.114.45 and ::ffff:10.0.0.7', 'ip_address')).toEqual(['::ffff:203.0.114.45', '::ffff:10.0.0.7']);
    expect(all('::ffff:cb00:722d 0:0:0:0:0:ffff:192.0.3.1', 'ip_address')).toEqual(['::ffff:cb00:722d', '0:0:0:0:0:ffff:192.0.3.1']);
    expect(all('1::ffff:127.0.0.1 ::1:ffff:192.0.2.1', 'ip_address')).toEqual(['1::ffff:127.0.0.1', '::1:ffff:192.0.2.1']);
  });
});

describe('person names: salutations that address no one person', () => {
  it('does not read the generic word after a title or "Dear" as a name', () => {
    for (const v of ['Dear Sir,', 'Dear Madam,', 'Dear Sir/Madam,', 'Dear Sir or Madam,', 'Dear Customer,', 'Dear Valued Customer,', 'Dear Team,', 'Dear All,', 'Dear Hiring Manager,', 'Dear Colleagues,']) {
      expect(all(`${v}\nthank you for your order.`, 'person_name'), v).toEqual([]);
    }
  });
  it('still finds the person a salutation names, also after a second title', () => {
    expect(all('Dear Ann Lee, thank you.', 'person_name')).toEqual(['Ann Lee']);
    expect(all('Dear Mr. Smith,', 'person_name')).toEqual(['Smith']);
    expect(all('Dear Dr. Jane Doe, Dear All,', 'person_name')).toEqual(['Jane Doe']);
    expect(all('Dear Allison,', 'person_name')).toEqual(['Allison']);
    expect(all('Mrs. Teamster signed', 'person_name')).toEqual(['Teamster']);
  });
  it('reads the given name and surname after Sir or Dame as the name, and Sir alone as no one', () => {
    expect(all('Dear Sir John Smith, thank you.', 'person_name')).toEqual(['John Smith']);
    expect(all('Sir John Smith signed the letter', 'person_name')).toEqual(['John Smith']);
    expect(all('Dame Judi Dench presented it', 'person_name')).toEqual(['Judi Dench']);
    expect(all('Dear Dame Judi Dench,', 'person_name')).toEqual(['Judi Dench']);
    for (const v of ['Dear Sir,', 'Dear Sir or Madam,', 'Dear Sir Or Madam,', 'Dear Sir.', 'Dear Sir. Thank you', 'Dear Sirs,']) {
      expect(all(`${v}\nthank you for your order.`, 'person_name'), v).toEqual([]);
    }
  });
});

describe('person names: a title between the key and the name', () => {
  it('reports the name after the title, once, and not the title', () => {
    expect(all('Name: Dr. Jane Doe', 'person_name')).toEqual(['Jane Doe']);
    expect(all('name: Dr Jane Doe, id 7', 'person_name')).toEqual(['Jane Doe']);
    expect(all('Name: Mr. Smith', 'person_name')).toEqual(['Smith']);
    expect(all('name=Ms Jane Roe; id=3', 'person_name')).toEqual(['Jane Roe']);
    // after a key, one name is enough: the key says a name follows
    expect(all('Name: Sir Elton', 'person_name')).toEqual(['Elton']);
  });
  it('reports no one for a title alone or a salutation after the key', () => {
    for (const v of ['Name: Dr.', 'name: Dr', 'Name: Dear Sir', 'Name: Mr. Customer']) expect(all(v, 'person_name'), v).toEqual([]);
  });
  it('still reads a name that only starts like a title', () => {
    expect(all('Name: Drake Smith', 'person_name')).toEqual(['Drake Smith']);
    expect(all('Name: Missy Elliott', 'person_name')).toEqual(['Missy Elliott']);
  });
});

describe('person names: software in a field called just "name"', () => {
  it('does not read a lower-case hyphenated or dotted package name as a person', () => {
    for (const v of ['my-app', 'react-dom', 'left-pad', 'lodash.merge', 'socket.io', 'node-fetch']) {
      expect(all(v, 'person_name', 'name'), v).toEqual([]);
      expect(all(v, 'person_name', 'Name'), v).toEqual([]);
    }
  });
  it('still reads lower-cased names with spaces, and any name in a field that names a person', () => {
    expect(all('jane doe', 'person_name', 'name')).toEqual(['jane doe']);
    expect(all('jean-luc picard', 'person_name', 'name')).toEqual(['jean-luc picard']);
    expect(all('jean-luc', 'person_name', 'first_name')).toEqual(['jean-luc']);
    expect(all('Jean-Luc', 'person_name', 'name')).toEqual(['Jean-Luc']);
  });
});

describe('person names: the name of an SBOM document or its component', () => {
  it('does not read a tool-made document name (acronym or brand joined to a lower-case word) as a person', () => {
    // the top-level "name" of an SPDX JSON document sits beside spdxVersion/SPDXID: its path is just `name`
    expect(all('SCALIBR-generated SPDX', 'person_name', 'name')).toEqual([]);
    expect(all('CycloneDX-generated', 'person_name', 'name')).toEqual([]);
    expect(all('GitHub-generated SBOM', 'person_name', 'name')).toEqual([]);
    // the CycloneDX metadata.component.name is a component's by its path
    expect(all('SCALIBR-generated SPDX', 'person_name', 'metadata.component.name')).toEqual([]);
  });
  it('still reads hyphenated and upper-case names in a name field as people', () => {
    for (const v of ['Jean-Luc Picard', 'JEAN-LUC PICARD', 'Smith-Jones', 'Ahmed al-Rashid', 'DUPONT Jean', 'Mary-jane Watson']) {
      expect(all(v, 'person_name', 'name'), v).toEqual([v]);
    }
    expect(all('Jane Doe', 'person_name', 'metadata.authors[].name')).toEqual(['Jane Doe']);
  });
});
