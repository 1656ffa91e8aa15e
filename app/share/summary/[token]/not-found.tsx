// Unknown, revoked and expired summary links look exactly like trace links that are gone.
export { default, metadata } from "@/app/share/[token]/not-found";
