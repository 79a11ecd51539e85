// Serves a folder of feed files on 127.0.0.1 for local runs: `node scripts/serve-feeds.mjs DIR PORT`.
// The local runner allows loopback feed URLs; the function app in Azure refuses them.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, extname, basename } from "node:path";

const [dir = "samples/feeds", port = "8089"] = process.argv.slice(2);
const types = { ".xml": "application/rss+xml", ".atom": "application/atom+xml", ".json": "application/feed+json" };

createServer(async (request, response) => {
  const name = basename(decodeURIComponent(new URL(request.url, "http://localhost").pathname));
  try {
    const body = await readFile(join(dir, name));
    response.writeHead(200, { "content-type": `${types[extname(name)] ?? "application/octet-stream"}; charset=utf-8` });
    response.end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end(`no feed named ${name}\n`);
  }
}).listen(Number(port), "127.0.0.1", () => console.log(`serving ${dir} at http://127.0.0.1:${port}/`));
