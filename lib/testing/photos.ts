import sharp from "sharp";

/*
 * Generated pictures for tests, the bench and the demo: gradients and shapes from a seed, rendered
 * from SVG by sharp. Never a real face. The same seed makes the same picture.
 */

function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An SVG portrait-sized picture of a gradient and a dozen shapes. */
export function pictureSvg(seed: number, width = 320, height = 400): string {
  const r = generator(seed);
  const colour = () => `hsl(${Math.floor(r() * 360)},${40 + Math.floor(r() * 50)}%,${25 + Math.floor(r() * 50)}%)`;
  const shapes = Array.from({ length: 12 }, () => {
    const [x, y, size] = [r() * width, r() * height, 20 + r() * 120];
    return r() < 0.5
      ? `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(size / 2).toFixed(0)}" fill="${colour()}"/>`
      : `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${size.toFixed(0)}" height="${(size * (0.5 + r())).toFixed(0)}" fill="${colour()}" transform="rotate(${Math.floor(r() * 90)} ${x.toFixed(0)} ${y.toFixed(0)})"/>`;
  }).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="${r().toFixed(2)}" y2="1">` +
    `<stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`
  );
}

/** The picture of a seed as a JPEG. */
export const picture = (seed: number, quality = 90): Promise<Buffer> =>
  sharp(Buffer.from(pictureSvg(seed)))
    .jpeg({ quality })
    .toBuffer();

/** A copy as an operator makes one: re-encoded at another quality, resized, and cropped by `crop` of each side. */
export async function alteredCopy(
  bytes: Uint8Array,
  { quality = 70, scale = 0.75, crop = 0.05, format = "jpeg" as "jpeg" | "png" | "webp" } = {},
): Promise<Buffer> {
  const { width, height } = await sharp(bytes).metadata();
  const [dx, dy] = [Math.round(width * crop), Math.round(height * crop)];
  const cut = sharp(bytes)
    .extract({ left: dx, top: dy, width: width - 2 * dx, height: height - 2 * dy })
    .resize(Math.round((width - 2 * dx) * scale));
  return format === "png"
    ? cut.png().toBuffer()
    : format === "webp"
      ? cut.webp({ quality }).toBuffer()
      : cut.jpeg({ quality }).toBuffer();
}
