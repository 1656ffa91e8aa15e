import pkg from "../package.json" with { type: "json" };

export const NEXIO_VERSION: string = pkg.version;
