import type { ReadmeFacts } from '../../collectors/readme/types.js';

/**
 * The README checks other than RD101 judge what a README says; without a readable README there
 * is nothing to judge (RD101 already fails), so they step aside rather than pile on.
 */
export function readableReadme(
  readme: ReadmeFacts,
  notApplicable: (why: string) => void,
): readme is ReadmeFacts & { path: string } {
  if (!readme.present || readme.path === null) {
    notApplicable('no README (see RD101)');
    return false;
  }
  if (readme.error !== undefined) {
    notApplicable(`README could not be read: ${readme.error}`);
    return false;
  }
  return true;
}
