// pizzip ships no types; the bench uses only what docxtemplater's README shows.
declare module 'pizzip' {
  class PizZip {
    constructor(data?: Uint8Array | ArrayBuffer | string);
    generate(options: { type: 'nodebuffer'; compression?: 'DEFLATE' | 'STORE' }): Buffer;
  }
  export = PizZip;
}
