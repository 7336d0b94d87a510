/** The remaining step that asks for approval; removed once the approved containment has run. */
export const APPROVE_STEP_PREFIX = 'Approve containment';
/** The heading of the manual steps under `notify`; superseded once leakwatch contains the credential. */
export const CONTAIN_BY_HAND_PREFIX = 'Contain the credential by hand';
