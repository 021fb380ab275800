// Loaded with `node --import` into a forked child: gives it the child side of an Electron utility
// process (process.parentPort, whose 'message' events carry the data in `.data`, and
// postMessage) on top of Node's IPC channel, so the analysis worker's utility-process path runs
// for real without an Electron binary (none can be downloaded on the development machine).
process.parentPort = {
  on(event, listener) {
    if (event === 'message') process.on('message', (data) => listener({ data, ports: [] }));
    return this;
  },
  postMessage(message) {
    process.send(message);
  },
};
