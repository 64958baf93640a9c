/** What every SBOM reader hands on: one entry per component/package, in document order. */
export interface SbomEntry {
  /** Field path of the component in its document, e.g. `components[3].components[0]`. */
  readonly path: string;
  /** Field of the purl relative to `path` (where a bad purl is reported), e.g. `purl`. */
  readonly purlField: string;
  readonly purl: string | undefined;
  /** The component's own version field (used when the purl carries no version). */
  readonly version: string | undefined;
  readonly name: string | undefined;
  /**
   * The source package the component was built from, as Trivy states it in CycloneDX properties
   * (`aquasecurity:trivy:SrcName`, `SrcEpoch`, `SrcVersion`, `SrcRelease`): Debian's OSV records
   * name source packages, so a Debian binary package is looked up as this.
   */
  readonly source?: { readonly name: string; readonly version: string | undefined };
  /** Where the purl is written, for formats read line by line (SPDX tag-value). */
  readonly line?: number;
  readonly column?: number;
}

export type SbomFormat = 'CycloneDX JSON' | 'CycloneDX XML' | 'SPDX JSON' | 'SPDX tag-value';

export interface SbomRead {
  readonly format: SbomFormat;
  /** `1.2`…`1.6` for CycloneDX, `2.2`/`2.3` for SPDX. */
  readonly specVersion: string;
  readonly entries: readonly SbomEntry[];
}
