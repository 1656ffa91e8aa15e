// Any other path under /api/v1 – a JSON 404 in the error shape, whatever the method
import { errorResponse, notFound } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

const unknownRoute = async () => errorResponse(notFound("Route"));
export {
  unknownRoute as GET,
  unknownRoute as POST,
  unknownRoute as PUT,
  unknownRoute as PATCH,
  unknownRoute as DELETE,
  unknownRoute as HEAD,
  unknownRoute as OPTIONS,
};
