// Preloaded with NODE_OPTIONS=--require (Node refuses --cpu-prof there): samples this process with
// the inspector's profiler. Each SIGUSR2 writes what was sampled since the last one to
// NEXIO_CPU_PROF_DIR/<pid>-<n>.cpuprofile and starts again, so a benchmark can cut out the
// start-up and keep only its load; exit writes the rest.
const inspector = require("node:inspector");
const fs = require("node:fs");
const path = require("node:path");
const dir = process.env.NEXIO_CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  let n = 0;
  // An in-thread session answers synchronously, so this works inside an 'exit' handler.
  const cut = (restart) =>
    session.post("Profiler.stop", (err, res) => {
      if (!err) fs.writeFileSync(path.join(dir, `${process.pid}-${n++}.cpuprofile`), JSON.stringify(res.profile));
      if (restart) session.post("Profiler.start");
    });
  process.on("SIGUSR2", () => cut(true));
  process.on("exit", () => cut(false));
}
