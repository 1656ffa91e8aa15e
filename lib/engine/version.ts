/**
 * Bump on any change that can alter a result or a trace for the same inputs (rules, scorers,
 * reasoning wording, ranking); a trace records it so old results stay explainable.
 */
export const ENGINE_VERSION = "2.2.0";
