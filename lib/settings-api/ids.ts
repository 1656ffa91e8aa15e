// Row ids are a prefix + 20 base62 characters (lib/ids.ts newId); anything else cannot exist,
// so it is a 404 before any query.
export const SHARE_LINK_ID_PATTERN = /^shr_[0-9A-Za-z]{20}$/;
export const API_KEY_ID_PATTERN = /^key_[0-9A-Za-z]{20}$/;
