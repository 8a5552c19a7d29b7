/** The sources every access rule answers to. */
export const ACCESS_ANCHORS = [
  'Normen: Veileder for fjernaksess (v3.0, 2022) — access from a third country is a transfer',
  'NSM grunnprinsipper for IKT-sikkerhet 2.0: kontroller privilegert tilgang; administrer fra kontrollerte lokasjoner',
] as const;
