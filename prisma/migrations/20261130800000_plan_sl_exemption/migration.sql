-- A surplus-lines carrier is bound only once the home state's diligent search is met, or under an
-- exemption the broker records on the bind event: "exempt_commercial_purchaser" (NRRA) or
-- "export_list" (the state's list of hard-to-place risks). Null for every other event.
ALTER TABLE "plan_events" ADD COLUMN "sl_exemption" TEXT;
