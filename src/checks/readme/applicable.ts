import type { ReadmeFacts } from '../../collectors/readme/types.js';
import type { RouteDecision } from '../../scoring/route.js';

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

/**
 * A tool, pipeline or data-collection project that trains no model has no model metric or
 * baseline to report; it is judged on its output (docs/adr/0009-routes.md), so the metric checks
 * step aside. A herd project without a model is still asked for results.
 */
export function claimsNoModel(route: RouteDecision, notApplicable: (why: string) => void): boolean {
  if (route.claimsModel !== false || (route.id !== 'tool-pipeline' && route.id !== 'own-data')) return false;
  notApplicable(`${route.id} route: claims no model, so it is judged on its output, not on a model metric`);
  return true;
}
