/** policies/model/dates.ts: ISO calendar dates and calendar months. */
import { isIsoDate, monthsAfter } from '../../policies/model/dates';

describe('isIsoDate', () => {
  test.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-2-1', false],
    ['2026-12-31T00:00:00Z', false],
  ])('isIsoDate(%j) is %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  test.each([
    ['2026-11-25', true],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['x2026-11-25', false],
    ['2026-11-25x', false],
    ['20261125', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));
});

describe('monthsAfter', () => {
  test('months are calendar months, the day clamped to the month end', () => {
    expect(monthsAfter('2026-08-31', 6)).toBe('2027-02-28');
    expect(monthsAfter('2027-02-28', 12)).toBe('2028-02-28');
    expect(monthsAfter('2026-11-25', 12)).toBe('2027-11-25');
  });
});
