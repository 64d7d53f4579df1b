// The reference side of the preview benchmark: sharp (libvips) makes the same thumbnails and previews editeval
// makes, odiff makes the diff; pixelmatch + pngjs as a second diff reference on the same-size pair.
//   node reference.mjs warm WORK N      in-process medians per task
//   node reference.mjs once WORK TASK   one task, for whole-process timing
//   node reference.mjs batch WORK N     N tasks in one process
//   node reference.mjs pixelmatch WORK  one pixelmatch diff of task b's PNG pair (whole process)
import sharp from 'sharp';
import { compare } from 'odiff-bin';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import fs from 'node:fs';
import path from 'node:path';

const THUMB = 384;
const PREVIEW = 1600;
const FULL = 4096; // editeval also writes a full-resolution rendition (q90) of every image larger than its preview
const [mode, work, arg] = process.argv.slice(2);

function outputOf(dir) {
  return fs.existsSync(path.join(dir, 'output.jpg')) ? path.join(dir, 'output.jpg') : path.join(dir, 'output.png');
}

async function renditions(file, out, name) {
  const image = sharp(file).rotate(); // EXIF orientation applied, as editeval does
  const preview = await image.clone().resize(PREVIEW, PREVIEW, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85 }).toFile(path.join(out, `${name}-preview.jpg`));
  await sharp(file).rotate().resize(THUMB, THUMB, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 })
    .toFile(path.join(out, `${name}-thumb.jpg`));
  const { width, height } = await sharp(file).rotate().metadata();
  const longest = Math.max(width, height);
  if (longest > PREVIEW) {
    // as editeval: an image at most 10% over the cap keeps its size
    const fit = longest <= FULL * 1.1 ? longest : FULL;
    await sharp(file).rotate().resize(fit, fit, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 90 })
      .toFile(path.join(out, `${name}-full.jpg`));
  }
  return preview;
}

/** One task: renditions of both images, then the diff. Same size: odiff on the originals (its own use); another
 *  size: both aligned to the source's preview size first (odiff cannot compare different sizes). */
async function task(dir, out) {
  fs.mkdirSync(out, { recursive: true });
  const source = path.join(dir, 'source.jpg');
  const output = outputOf(dir);
  const sourcePreview = await renditions(source, out, 'source');
  await renditions(output, out, 'output');
  const [sourceMeta, outputMeta] = await Promise.all([sharp(source).metadata(), sharp(output).metadata()]);
  let base = source;
  let edited = output;
  if (sourceMeta.width !== outputMeta.width || sourceMeta.height !== outputMeta.height) {
    base = path.join(out, 'aligned-source.png');
    edited = path.join(out, 'aligned-output.png');
    await sharp(source).resize(sourcePreview.width, sourcePreview.height).png({ compressionLevel: 1 }).toFile(base);
    await sharp(output).resize(sourcePreview.width, sourcePreview.height, { fit: 'fill' })
      .png({ compressionLevel: 1 }).toFile(edited);
  }
  const result = await compare(base, edited, path.join(out, 'diff.png'), { antialiasing: true, threshold: 0.1 });
  if (result.match === undefined) throw new Error('odiff failed');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

if (mode === 'warm') {
  sharp.cache(false); // editeval caches nothing between tasks either
  const runs = Number(arg);
  for (const name of ['a', 'b']) {
    const dir = path.join(work, name);
    const out = path.join(work, `out-ref-${name}`);
    for (let i = 0; i < 3; i++) await task(dir, out);
    const millis = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      await task(dir, out);
      millis.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    console.log(JSON.stringify({ tool: 'sharp+odiff', task: name, medianMs: +median(millis).toFixed(1),
      minMs: +Math.min(...millis).toFixed(1), runs }));
  }
} else if (mode === 'once') {
  sharp.cache(false);
  await task(path.join(work, arg), path.join(work, `out-ref-${arg}`));
} else if (mode === 'batch') {
  sharp.cache(false);
  for (let i = 0; i < Number(arg); i++) {
    const name = i % 2 === 0 ? 'a' : 'b';
    await task(path.join(work, name), path.join(work, 'out-ref-batch'));
  }
} else if (mode === 'pixelmatch') {
  const a = PNG.sync.read(fs.readFileSync(path.join(work, 'b', 'source.png')));
  const b = PNG.sync.read(fs.readFileSync(path.join(work, 'b', 'output.png')));
  const diff = new PNG({ width: a.width, height: a.height });
  pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  fs.writeFileSync(path.join(work, 'pixelmatch-diff.png'), PNG.sync.write(diff));
} else {
  throw new Error(`unknown mode ${mode}`);
}
