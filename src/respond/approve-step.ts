/** The remaining step that asks for approval; removed once the approved containment has run. */
export const APPROVE_STEP_PREFIX = 'Approve containment';
