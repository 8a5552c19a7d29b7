import { defineRule } from '../../policies/rules/rule';
import type { CheckResult } from '../../policies/engine/result';
import { REPORTERS } from '../../policies/reporters';
import { isSecretAttributeName, MASK, maskFor, SecretMask } from '../../policies/analysis/mask';
import { ALL_RULES } from '../../policies/rules';
import { planReport, SECRETS, synthStack, synthStackReport } from '../helpers/report-stacks';
import { analyse } from '../../policies/analysis/analysis';

/** A rule that quotes every value it sees, as a careless rule might: reports must still print no secret. */
const QUOTES_VALUES = defineRule({
  id: 'TST-900',
  title: 'Quotes attribute values',
  severity: 'error',
  rationale: 'Exercises masking.',
  anchors: {},
  resourceTypes: [
    'azurerm_mssql_server',
    'azurerm_key_vault_secret',
    'azurerm_storage_account',
    'azurerm_cosmosdb_account',
  ],
  fix: 'None.',
  *check({ resources }) {
    for (const resource of resources) {
      yield {
        resource,
        message: `${resource.address} has ${JSON.stringify(resource.values)} (before: ${JSON.stringify(resource.change?.before ?? null)}).`,
      };
    }
  },
});

const FORMATS = Object.keys(REPORTERS);

describe('Reports never print secret values', () => {
  let reports: Record<'plan' | 'stack', CheckResult>;
  beforeAll(() => {
    // The plan-only twin also sees (and quotes) the resources the plan deletes.
    const rules = [
      ...ALL_RULES,
      QUOTES_VALUES,
      defineRule({ ...QUOTES_VALUES, id: 'TST-901', inputs: ['plan'] }),
    ];
    reports = { plan: planReport({ rules }), stack: synthStackReport(synthStack().outdir, { rules }) };
  });

  test('the leaky rule really quotes the secrets (otherwise this test proves nothing)', () => {
    const messages = [...reports.plan.findings, ...reports.stack.findings].map((f) => f.message).join('\n');
    for (const secret of Object.values(SECRETS)) expect(messages).toContain(secret);
  });

  test.each(FORMATS)(
    '%s masks a literal password, values the plan marks sensitive, and keys inside connection strings',
    (format) => {
      const text = REPORTERS[format](analyse(reports.plan)) + REPORTERS[format](analyse(reports.stack));
      for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
      expect(text).toContain(MASK);
      // Masking removes the secret, not the finding.
      expect(text).toContain('azurerm_mssql_server.sql');
      expect(text).toContain('azurerm_key_vault_secret.pg_admin');
    },
  );
});

describe('SecretMask', () => {
  test('secret attribute names; identifiers that only look like them are not secrets', () => {
    for (const name of [
      'administrator_login_password',
      'admin_password',
      'primary_access_key',
      'primary_connection_string',
      'sas_token',
      'client_secret',
      'private_key_pem',
      'primary_shared_key',
    ]) {
      expect(isSecretAttributeName(name)).toBe(true);
    }
    for (const name of [
      'key_vault_key_id',
      'key_vault_id',
      'key_name',
      'key_type',
      'shared_access_key_enabled',
      'password_authentication_enabled',
      'location',
    ]) {
      expect(isSecretAttributeName(name)).toBe(false);
    }
  });

  test('replaces escaped spellings too, and secret-shaped fragments it was not told about', () => {
    const mask = new SecretMask(['p"w<d&1234']);
    expect(mask.text(JSON.stringify({ m: 'p"w<d&1234' }))).toBe(`{"m":"${MASK}"}`);
    expect(mask.text('x p&quot;w&lt;d&amp;1234 y')).toBe(`x ${MASK} y`);
    expect(mask.text('Server=x;Password=hunter2-long;AccountKey=abc/def==;')).toBe(
      `Server=x;Password=${MASK};AccountKey=${MASK};`,
    );
    expect(mask.text('https://st.blob.core.windows.net/c?sv=2022&sig=AbC%2Bdef')).toBe(
      `https://st.blob.core.windows.net/c?sv=2022&sig=${MASK}`,
    );
  });

  test.each([
    ['pwd=hunter2-long at the start', `pwd=${MASK} at the start`],
    ['a=1 b=2 SHAREDACCESSKEY=Zm9vYmFy c=3', `a=1 b=2 SHAREDACCESSKEY=${MASK} c=3`],
    ['x?SIG=abc&y=1', `x?SIG=${MASK}&y=1`],
    [
      'condition = a == b; key=value; password_enabled = true',
      'condition = a == b; key=value; password_enabled = true',
    ],
    ['no equals sign at all', 'no equals sign at all'],
  ])('masks secret shapes in any case wherever a = follows their name: %s', (text, masked) => {
    expect(new SecretMask([]).text(text)).toBe(masked);
  });

  test('masks a PEM private key in a text with no = at all', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----';
    expect(new SecretMask([]).text(`key: ${pem} end`)).toBe(`key: ${MASK} end`);
  });

  test('references are not secrets, and very short values are not masked in free text', () => {
    const mask = new SecretMask(['${azurerm_key_vault_secret.x.value}', 'abc']);
    expect(mask.size).toBe(1);
    expect(mask.text('abc')).toBe('abc');
  });

  test('collects from the workspace: plan sensitive marks and secret-named attributes', () => {
    const mask = maskFor(planReport().workspace.models);
    expect(mask.text(`${SECRETS.planSecret} ${SECRETS.cosmosKey} ${SECRETS.archiveKey}`)).toBe(
      `${MASK} ${MASK} ${MASK}`,
    );
    expect(mask.text('norwayeast westeurope azurerm_storage_account.data')).toBe(
      'norwayeast westeurope azurerm_storage_account.data',
    );
  });
});
