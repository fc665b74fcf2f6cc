/** License file names, matched case-insensitively at the repository root. */
export const LICENSE_FILE = /^(licen[cs]e|copying|unlicense)(\.(md|txt|rst))?$/i;

const SIGNATURES: readonly [RegExp, string][] = [
  [/GNU AFFERO GENERAL PUBLIC LICENSE/i, 'AGPL-3.0'],
  [/GNU LESSER GENERAL PUBLIC LICENSE/i, 'LGPL'],
  [/GNU GENERAL PUBLIC LICENSE[\s\S]{0,200}Version 3/i, 'GPL-3.0'],
  [/GNU GENERAL PUBLIC LICENSE[\s\S]{0,200}Version 2/i, 'GPL-2.0'],
  [/Apache License[\s\S]{0,100}Version 2\.0/i, 'Apache-2.0'],
  [/Mozilla Public License,? (Version|v\.?) ?2\.0/i, 'MPL-2.0'],
  [/This is free and unencumbered software/i, 'Unlicense'],
  [/Permission is hereby granted, free of charge/i, 'MIT'],
  [/Redistribution and use[\s\S]*Neither the name/i, 'BSD-3-Clause'],
  [/Redistribution and use in source and binary forms/i, 'BSD-2-Clause'],
  [/CC0 1\.0|Creative Commons Zero/i, 'CC0-1.0'],
  [/Attribution-NonCommercial/i, 'CC-BY-NC-4.0'],
  [/Creative Commons Attribution/i, 'CC-BY-4.0'],
  [/Boost Software License/i, 'BSL-1.0'],
  [/ISC License/i, 'ISC'],
];

/** An SPDX-like name for a license text; 'custom' when it is there but not recognised. */
export function licenseName(text: string): string {
  for (const [re, name] of SIGNATURES) if (re.test(text)) return name;
  return 'custom';
}
