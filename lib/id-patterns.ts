// The shapes of public ids, without the generator (lib/ids.ts, which needs node:crypto), so that
// contracts and the dashboard can check them.

export const EVAL_ID_PATTERN = /^eval_[0-9A-Za-z]{8,32}$/;
export const SHARE_LINK_ID_PATTERN = /^shr_[0-9A-Za-z]{20}$/;
export const API_KEY_ID_PATTERN = /^key_[0-9A-Za-z]{20}$/;
export const MEMBER_ID_PATTERN = /^mem_[0-9A-Za-z]{20}$/;
