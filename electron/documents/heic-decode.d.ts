// heic-decode ships no types: the one call the app makes (the main picture of a HEIC file, as RGBA).
declare module 'heic-decode' {
  interface DecodedImage {
    width: number;
    height: number;
    data: Uint8ClampedArray;
  }
  function decode(input: { buffer: ArrayBufferView | ArrayBuffer }): Promise<DecodedImage>;
  export = decode;
}
