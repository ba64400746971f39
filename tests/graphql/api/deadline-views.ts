import { Role } from '../../../src/graphql';
import type { ApiHarness } from '../support/api-harness';
import { dataOf } from './api-lifecycle';

/** One deadline type's counts on the dashboard. */
export interface DeadlineCountsView {
  type: string;
  upcoming: number;
  overdue: number;
  met: number;
  ended: number;
}

/**
 * A certificate's deadlines as of a date, as three readers see them: the certificate (its status,
 * and each deadline's key as `STATE metOn`), `upcomingDeadlines` (`key STATE`) and the dashboard's
 * counts, both within `withinDays`.
 */
export const deadlineViewsOn = async (
  api: ApiHarness,
  certificateId: string,
  asOf: string,
  withinDays = 365,
) => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `query ($id: ID!, $asOf: CalendarDate!, $within: Int!) {
        certificate(id: $id) { status(asOf: $asOf) deadlines(asOf: $asOf) { key state metOn } }
        upcomingDeadlines(asOf: $asOf, withinDays: $within) { edges { node { key state } } }
        dashboard(asOf: $asOf, withinDays: $within) {
          deadlinesByType { type upcoming overdue met ended } } }`,
      { id: certificateId, asOf, within: withinDays },
    ),
  );
  const certificate = data.certificate as {
    status: string;
    deadlines: { key: string; state: string; metOn: string | null }[];
  };
  return {
    status: certificate.status,
    ofCertificate: Object.fromEntries(
      certificate.deadlines.map(({ key, state, metOn }) => [key, `${state} ${metOn ?? '-'}`]),
    ),
    open: (
      data.upcomingDeadlines as { edges: { node: { key: string; state: string } }[] }
    ).edges.map(({ node }) => `${node.key} ${node.state}`),
    counts: (data.dashboard as { deadlinesByType: DeadlineCountsView[] }).deadlinesByType,
  };
};

/** A deadline of an audit cycle as `auditCycle.deadlines(asOf)` answers it. */
export interface CycleDeadlineView {
  key: string;
  type: string;
  state: string;
  dueDate: string;
  metOn: string | null;
  closesOn: string | null;
}

/**
 * An audit cycle's deadlines as of a date, as three readers see them: the cycle, `upcomingDeadlines`
 * (every organisation's, within `withinDays`) and the dashboard's counts by type.
 */
export const cycleDeadlineViewsOn = async (
  api: ApiHarness,
  auditCycleId: string,
  asOf: string,
  withinDays = 365,
) => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `query ($id: ID!, $asOf: CalendarDate!, $within: Int!) {
        auditCycle(id: $id) { deadlines(asOf: $asOf) { key type state dueDate metOn closesOn } }
        upcomingDeadlines(asOf: $asOf, withinDays: $within) { edges { node { key state } } }
        dashboard(asOf: $asOf, withinDays: $within) {
          deadlinesByType { type upcoming overdue met ended } } }`,
      { id: auditCycleId, asOf, within: withinDays },
    ),
  );
  return {
    ofCycle: (data.auditCycle as { deadlines: CycleDeadlineView[] }).deadlines,
    listed: (
      data.upcomingDeadlines as { edges: { node: { key: string; state: string } }[] }
    ).edges.map(({ node }) => node),
    counts: (data.dashboard as { deadlinesByType: DeadlineCountsView[] }).deadlinesByType,
  };
};
