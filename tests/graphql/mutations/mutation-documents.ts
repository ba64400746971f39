/** One document per mutation, each taking `$input` and `$expectedVersion`, selecting id and version. */
const ORGANISATION = 'id version legalName registrationNumber sites { siteId name }';
const AUDIT_CYCLE =
  'id version status certificateId audits { auditId kind completed team } nonconformities { ncId grade } decision { decision decidedOn }';
const CERTIFICATE = 'id version number recordedStatus scope expiryDate revision';

const document = (mutation: string, inputType: string, selection: string): string =>
  `mutation ($input: ${inputType}!, $expectedVersion: Int) {
    ${mutation}(input: $input, expectedVersion: $expectedVersion) { ${selection} }
  }`;

export const MUTATIONS = {
  registerOrganisation: document('registerOrganisation', 'RegisterOrganisationInput', ORGANISATION),
  updateOrganisation: document('updateOrganisation', 'UpdateOrganisationInput', ORGANISATION),
  addSite: document('addSite', 'AddSiteInput', ORGANISATION),
  removeSite: document('removeSite', 'RemoveSiteInput', ORGANISATION),
  recordReadiness: document('recordReadiness', 'RecordReadinessInput', ORGANISATION),
  submitApplication: document('submitApplication', 'SubmitApplicationInput', AUDIT_CYCLE),
  reviewApplication: document('reviewApplication', 'ReviewApplicationInput', AUDIT_CYCLE),
  startRecertification: document('startRecertification', 'StartRecertificationInput', AUDIT_CYCLE),
  transferCertificateIn: document(
    'transferCertificateIn',
    'TransferCertificateInInput',
    AUDIT_CYCLE,
  ),
  recordTransferReview: document('recordTransferReview', 'RecordTransferReviewInput', AUDIT_CYCLE),
  planAudit: document('planAudit', 'PlanAuditInput', AUDIT_CYCLE),
  completeAudit: document('completeAudit', 'CompleteAuditInput', AUDIT_CYCLE),
  raiseNonconformity: document('raiseNonconformity', 'RaiseNonconformityInput', AUDIT_CYCLE),
  acceptCorrectiveActionPlan: document(
    'acceptCorrectiveActionPlan',
    'AcceptCorrectiveActionPlanInput',
    AUDIT_CYCLE,
  ),
  verifyNonconformity: document('verifyNonconformity', 'VerifyNonconformityInput', AUDIT_CYCLE),
  decideCertification: document('decideCertification', 'DecideCertificationInput', AUDIT_CYCLE),
  suspendCertificate: document('suspendCertificate', 'SuspendCertificateInput', CERTIFICATE),
  reinstateCertificate: document('reinstateCertificate', 'ReinstateCertificateInput', CERTIFICATE),
  withdrawCertificate: document('withdrawCertificate', 'WithdrawCertificateInput', CERTIFICATE),
  extendScope: document('extendScope', 'ChangeScopeInput', CERTIFICATE),
  reduceScope: document('reduceScope', 'ChangeScopeInput', CERTIFICATE),
  transitionStandardVersion: document(
    'transitionStandardVersion',
    'TransitionStandardVersionInput',
    CERTIFICATE,
  ),
} as const;

export type MutationName = keyof typeof MUTATIONS;
