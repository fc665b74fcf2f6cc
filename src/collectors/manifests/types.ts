export type ManifestKind =
  | 'requirements'
  | 'environment-yml'
  | 'pyproject'
  | 'setup-py'
  | 'setup-cfg'
  | 'pipfile'
  | 'pipfile-lock'
  | 'poetry-lock'
  | 'conda-lock'
  | 'uv-lock'
  | 'pdm-lock';

export interface DeclaredDependency {
  /** Normalised package name (PEP 503: lower-case, runs of -_. become -). */
  name: string;
  /** The version spec as written ('' when none). */
  spec: string;
  /** Exact pin (==, ===, conda `=x.y.z`, or a lock file entry). */
  pinned: boolean;
  manifest: string;
  line: number;
}

export interface Manifest {
  path: string;
  kind: ManifestKind;
  isLock: boolean;
  dependencies: DeclaredDependency[];
  /** Parse problem, reported as a finding; the rest of the run goes on. */
  error?: string;
}

export interface UndeclaredImport {
  /** Top-level import name (`sklearn`). */
  module: string;
  /** The package that provides it (`scikit-learn`). */
  package: string;
  /** First place it is imported. */
  file: string;
  line: number;
  cell?: number;
}

export interface ManifestsFacts {
  manifests: Manifest[];
  /** All declared package names (normalised). */
  declared: string[];
  /** True when every declared dependency is pinned or a lock file is present; null with no manifest. */
  pinned: boolean | null;
  unpinned: DeclaredDependency[];
  undeclaredImports: UndeclaredImport[];
  /** Python version requested (runtime.txt, .python-version, requires-python, environment.yml), if any. */
  pythonVersion: string | null;
}
