import xxhash from 'xxhash-wasm';

/**
 * Streaming XXH64 (seed 0), the hash zstd keeps the low 32 bits of as a frame's content checksum
 * (RFC 8878 §3.1.1). fzstd skips that checksum and Node has no XXH64, so without it a corrupt zstd layer
 * could decode to plausible garbage where a gzip one fails on its CRC. The hashing is xxhash-wasm's
 * (WebAssembly, compiled once when this module loads).
 */
const { create64 } = await xxhash();

export class Xxh64 {
  private readonly state = create64(0n);

  update(data: Uint8Array): void {
    this.state.update(data);
  }

  digest(): bigint {
    return this.state.digest();
  }
}
