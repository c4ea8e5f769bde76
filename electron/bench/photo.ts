import sharp from 'sharp';

// A phone's photo of a paper for the benchmark: 12 megapixels (4000 × 3000) of noise, which JPEG
// cannot squeeze, so the file is about as large as a real one (~5 MB), with EXIF and a GPS position.

export async function benchPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#d8d2c4', noise: { type: 'gaussian', mean: 150, sigma: 22 } } })
    .jpeg({ quality: 88 })
    .withExif({ IFD0: { Make: 'Bench', Model: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '68/1 47/1 0/1' } })
    .toBuffer();
}
