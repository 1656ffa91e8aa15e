// See package.json: replaces a Node-22-only dependency of `prisma dev`, which Nexio never runs.
throw new Error("@prisma/streams-local is not available: `prisma dev` is not supported by Nexio (Node 20)");
