/**
 * Runs the cross-runtime suite in headless Chromium.
 *
 * Serves a page, the suite's files and the bundled package on 127.0.0.1
 * (cross-origin isolated, so `SharedArrayBuffer` exists), opens the page in a
 * fresh headless Chromium and waits for the page to POST its result back.
 * Prints the page's lines (ending `browser HeadlessChrome/...: N passed, N
 * failed`) and exits non-zero if a case failed, none ran, or no result came.
 *
 * Usage: `deno run --allow-net=127.0.0.1 --allow-read --allow-write
 * --allow-run --allow-env tools/xrt/browser.ts <bundle.js> <suite dir>`
 *
 * @module
 */

const TIMEOUT_MS = 60_000;
const CHROMIUM = Deno.env.get("CHROMIUM") ?? "chromium";

/** What the page posts back. */
interface PageResult {
  passed?: number;
  failed?: number;
  lines?: string[];
  error?: string;
}

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>@iocursor/cursor cross-runtime suite</title>
<script type="importmap">{ "imports": { "@iocursor/cursor": "/cursor.js" } }</script>
<script type="module">
  const post = (body) =>
    fetch("/result", { method: "POST", body: JSON.stringify(body) });
  try {
    const { run } = await import("/suite/harness.mjs");
    await import("/suite/suite.mjs");
    // A page has no Node Buffer; every other feature must be there.
    await post(await run(["no nodeBuffer"]));
  } catch (error) {
    await post({ error: String(error?.stack ?? error) });
  }
</script>
`;

const HEADERS = {
  // Cross-origin isolation: without it Chromium hides SharedArrayBuffer.
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
  "cache-control": "no-store",
};

/**
 * Answers one request: the page, the bundle, a suite file or the result.
 *
 * @param request The request.
 * @param bundle Path of the bundled package.
 * @param suite Path of the suite's folder.
 * @param done Receives the page's result.
 * @returns The response.
 */
async function serve(
  request: Request,
  bundle: string,
  suite: string,
  done: (result: PageResult) => void,
): Promise<Response> {
  const { pathname } = new URL(request.url);
  const js = { ...HEADERS, "content-type": "text/javascript; charset=utf-8" };
  if (request.method === "POST" && pathname === "/result") {
    done(await request.json());
    return new Response("ok", { headers: HEADERS });
  }
  if (pathname === "/") {
    return new Response(PAGE, {
      headers: { ...HEADERS, "content-type": "text/html; charset=utf-8" },
    });
  }
  if (pathname === "/cursor.js") {
    return new Response(await Deno.readFile(bundle), { headers: js });
  }
  const file = /^\/suite\/(\w+\.mjs)$/.exec(pathname)?.[1];
  if (file !== undefined) {
    try {
      return new Response(await Deno.readFile(`${suite}/${file}`), {
        headers: js,
      });
    } catch {
      // Fall through to 404.
    }
  }
  return new Response("not found", { status: 404, headers: HEADERS });
}

/**
 * Ends Chromium: SIGTERM, then SIGKILL if it is still running 5 s later.
 *
 * @param chromium The browser process.
 */
async function stop(chromium: Deno.ChildProcess): Promise<void> {
  const signal = (name: Deno.Signal) => {
    try {
      chromium.kill(name);
    } catch {
      // Already exited.
    }
  };
  signal("SIGTERM");
  const killer = setTimeout(() => signal("SIGKILL"), 5_000);
  await chromium.status;
  clearTimeout(killer);
}

/**
 * Removes Chromium's profile folder, retrying while its helper processes
 * finish writing after the browser has exited.
 *
 * @param profile The folder.
 */
async function removeProfile(profile: string): Promise<void> {
  for (let attempt = 1;; attempt++) {
    try {
      return await Deno.remove(profile, { recursive: true });
    } catch (error) {
      if (attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Serves the suite, runs it in headless Chromium and reports.
 *
 * @param bundle Path of the bundled package.
 * @param suite Path of the suite's folder.
 * @returns The process exit code.
 */
async function main(bundle: string, suite: string): Promise<number> {
  const { promise, resolve } = Promise.withResolvers<PageResult>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request) => serve(request, bundle, suite, resolve),
  );
  const profile = await Deno.makeTempDir({ prefix: "xrt-chromium-" });
  const chromium = new Deno.Command(CHROMIUM, {
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      // Page console messages go to stderr, which is shown on failure.
      "--enable-logging=stderr",
      `--user-data-dir=${profile}`,
      `http://127.0.0.1:${server.addr.port}/`,
    ],
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const stderr = new Response(chromium.stderr).text();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<PageResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ error: `no result within ${TIMEOUT_MS} ms` }),
      TIMEOUT_MS,
    );
  });
  const exited = chromium.status.then((status): PageResult => ({
    error: `chromium exited early with code ${status.code}`,
  }));
  const result = await Promise.race([promise, timeout, exited]);
  clearTimeout(timer);
  await stop(chromium);
  await server.shutdown();
  await removeProfile(profile);
  for (const line of result.lines ?? []) console.log(line);
  if (result.error !== undefined) {
    console.log(`browser: did not run: ${result.error}`);
    const log = (await stderr).split("\n");
    const consoleLines = log.filter((line) => line.includes(":CONSOLE"));
    console.log([...consoleLines, "...", ...log.slice(-10)].join("\n"));
    return 1;
  }
  return result.failed === 0 && (result.passed ?? 0) > 0 ? 0 : 1;
}

if (import.meta.main) {
  const [bundle, suite] = Deno.args;
  if (bundle === undefined || suite === undefined) {
    console.error("usage: browser.ts <bundle.js> <suite dir>");
    Deno.exit(2);
  }
  Deno.exit(await main(bundle, suite));
}
