#!/usr/bin/env python3
"""Time from textDocument/didSave to the publishDiagnostics that answers it, per file.

  bench/lsp-save-latency.py [--binary build/tool/contractcheck] [--runs 5] BUILD_DIR FILE...

Starts `contractcheck lsp --compile-commands-dir BUILD_DIR`, opens each FILE (the first
analysis is reported as "open"), then saves it --runs times, as soon as the previous
diagnostics came, and reports the first save's save-to-diagnostics time (the one that comes
while the prefix builder the open started may still be at work) and the median, min and max. This is what an editor user waits for after :w.
Beside each wall time, the server's CPU time over the same interval (user + system of every
thread of the process and of the children it has waited for, from /proc/PID/stat), which the
load of a shared machine moves much less than the wall time.
With --edit-above-includes each save follows an unsaved edit (didChange) that adds a comment
line at the top of the buffer, above its #include lines, which the file on disk never has.
"""
import argparse, json, os, select, statistics, subprocess, sys, time


class Server:
    def __init__(self, args, log=None):
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=log or subprocess.DEVNULL)
        self.buffer = b""
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self, timeout):
        deadline = time.monotonic() + timeout
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                header = self.buffer[:end].decode()
                length = int(header.split("Content-Length:")[1].split("\r\n")[0])
                if len(self.buffer) >= end + 4 + length:
                    body = self.buffer[end + 4:end + 4 + length]
                    self.buffer = self.buffer[end + 4 + length:]
                    return json.loads(body)
            ready, _, _ = select.select([self.proc.stdout], [], [], max(0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("no message from the server")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise EOFError("the server exited")
            self.buffer += chunk

    def cpu(self):
        """User + system seconds of the server's threads and its waited-for children."""
        fields = open(f"/proc/{self.proc.pid}/stat").read().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")

    def wait(self, match, timeout=300):
        while True:
            message = self.read(timeout)
            if match(message):
                return message


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="build/tool/contractcheck")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edit-above-includes", action="store_true")
    parser.add_argument("--server-log", help="append the server's log (its stderr) to this file")
    parser.add_argument("build_dir")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    log = open(args.server_log, "a") if args.server_log else None
    server = Server([args.binary, "lsp", "--compile-commands-dir", os.path.abspath(args.build_dir)], log)
    init = server.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
    server.wait(lambda m: m.get("id") == init)
    server.notify("initialized", {})

    def diagnostics_for(uri):
        return lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri

    for path in args.files:
        path = os.path.abspath(path)
        uri = "file://" + path
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        start, start_cpu = time.monotonic(), server.cpu()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        published = server.wait(diagnostics_for(uri))
        opened, opened_cpu = time.monotonic() - start, server.cpu() - start_cpu
        times, cpus = [], []
        for run in range(args.runs):
            start, start_cpu = time.monotonic(), server.cpu()
            if args.edit_above_includes:
                text = f"// unsaved edit {run}\n" + text
                server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": run + 2},
                                                         "contentChanges": [{"text": text}]})
            server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
            published = server.wait(diagnostics_for(uri))
            times.append(time.monotonic() - start)
            cpus.append(server.cpu() - start_cpu)
        codes = sorted({d.get("code", "?") for d in published["params"]["diagnostics"]})
        print(f"{os.path.relpath(path)}: open {opened * 1000:.0f} ms (CPU {opened_cpu * 1000:.0f}); "
              f"first save {times[0] * 1000:.0f} ms (CPU {cpus[0] * 1000:.0f}); "
              f"save->diagnostics median "
              f"{statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, max "
              f"{max(times) * 1000:.0f}, {args.runs} runs), CPU median "
              f"{statistics.median(cpus) * 1000:.0f} ms (min {min(cpus) * 1000:.0f}, max "
              f"{max(cpus) * 1000:.0f}); {len(published['params']['diagnostics'])} "
              f"diagnostics {codes}", flush=True)
    shutdown = server.request("shutdown", None)
    server.wait(lambda m: m.get("id") == shutdown)
    server.notify("exit", None)
    sys.exit(server.proc.wait())


if __name__ == "__main__":
    main()
