/**
 * 256 plain Dutch words, one for each byte value, for reading a fingerprint aloud over the phone
 * (like the PGP word list, but in Dutch). Chosen to be common, concrete, without diacritics, and
 * apart in sound: no pairs such as pen/pet, haai/haan or kam/kom. Never reorder: a fingerprint's
 * words must read the same in every version. The unit test checks that there are 256 distinct ones.
 */
export const FINGERPRINT_WORDS: readonly string[] = [
  'aap', 'beer', 'bever', 'bij', 'das', 'duif', 'eend', 'egel', 'ezel', 'gans', 'geit', 'dolfijn', 'kalkoen',
  'haas', 'hert', 'hond', 'kat', 'kip', 'koe', 'kraai', 'kreeft', 'konijn', 'leeuw', 'merel', 'meeuw',
  'mier', 'mol', 'mug', 'muis', 'otter', 'paard', 'pauw', 'rat', 'reiger', 'schaap', 'slak', 'spin', 'uil',
  'valk', 'vink', 'forel', 'vos', 'wesp', 'wolf', 'zalm', 'zebra', 'zwaan', 'kikker', 'krab', 'akker',
  'beek', 'berg', 'bloem', 'bos', 'boom', 'dal', 'duin', 'eik', 'gras', 'heide', 'heuvel', 'oever', 'meer',
  'mist', 'varen', 'polder', 'regen', 'riet', 'rots', 'sneeuw', 'ster', 'storm', 'strand', 'twijg', 'veld',
  'wind', 'wolk', 'zand', 'zee', 'zon', 'maan', 'blad', 'bron', 'dijk', 'kreek', 'vijver', 'wortel', 'zomer',
  'winter', 'lente', 'herfst', 'appel', 'banaan', 'boter', 'brood', 'citroen', 'druif', 'erwt', 'honing',
  'kaas', 'koek', 'kers', 'melk', 'mosterd', 'noot', 'olijf', 'peer', 'peper', 'pruim', 'rijst', 'room',
  'soep', 'suiker', 'taart', 'thee', 'tomaat', 'vla', 'wafel', 'worst', 'zout', 'koffie', 'drop', 'pinda',
  'pasta', 'jam', 'prei', 'anker', 'bank', 'beker', 'bel', 'boek', 'bord', 'borstel', 'bril', 'deur', 'doos',
  'emmer', 'fiets', 'fluit', 'gitaar', 'hamer', 'hek', 'jas', 'kaars', 'kapstok', 'kast', 'ketel', 'klok',
  'knoop', 'kom', 'krant', 'kussen', 'ladder', 'lamp', 'lepel', 'mand', 'mantel', 'muts', 'naald', 'paraplu',
  'potlood', 'pet', 'pijp', 'plank', 'pan', 'raam', 'riem', 'ring', 'schaar', 'schep', 'schoen', 'sjaal',
  'sleutel', 'spiegel', 'stoel', 'tafel', 'tas', 'touw', 'trommel', 'vaas', 'vork', 'wiel', 'zaag', 'zeef',
  'zak', 'zeil', 'brug', 'dorp', 'fort', 'gracht', 'haven', 'hut', 'kade', 'kasteel', 'kerk', 'markt',
  'molen', 'plein', 'schuur', 'sluis', 'stad', 'straat', 'toren', 'tuin', 'weg', 'zolder', 'kelder',
  'keuken', 'poort', 'station', 'school', 'winkel', 'kamer', 'haard', 'auto', 'vliegtuig', 'bus', 'kano',
  'fakkel', 'schip', 'slee', 'trein', 'tram', 'vlot', 'raket', 'ballon', 'vlag', 'kroon', 'munt', 'kaart',
  'brief', 'schat', 'droom', 'feest', 'lied', 'spel', 'dans', 'verf', 'krijt', 'lijm', 'draad', 'knikker',
  'puzzel', 'robot', 'tent', 'kompas', 'magneet', 'parel', 'diamant', 'goud', 'zilver', 'koper', 'tegel',
  'muur', 'dak', 'balkon',
];
