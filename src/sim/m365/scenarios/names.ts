// Name pools for generated people. Index arithmetic (not random picks) keeps every UPN unique.
export const GIVEN_NAMES = [
  'Haruto', 'Yui', 'Sota', 'Hina', 'Ren', 'Aoi', 'Minato', 'Mei', 'Riku', 'Sakura', 'Yuto', 'Rin', 'Kaito', 'Yuna', 'Hayato', 'Mio',
  'Takumi', 'Saki', 'Daiki', 'Nanami', 'Kenta', 'Ayaka', 'Shota', 'Misaki', 'Yuki', 'Emma', 'Noah', 'Olivia', 'Liam', 'Sofia',
  'Lucas', 'Mia', 'Ethan', 'Chloe', 'Mateo', 'Ava', 'Arjun', 'Priya', 'Wei', 'Min-jun',
];

export const SURNAMES = [
  'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada',
  'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Yamazaki', 'Mori', 'Abe', 'Ikeda', 'Hashimoto',
  'Ishikawa', 'Ogawa', 'Okada', 'Goto', 'Hasegawa', 'Murakami', 'Smith', 'Garcia', 'Chen', 'Kim', 'Singh', 'Muller', 'Rossi',
  'Silva', 'Novak', 'Brown',
];

export const JOB_TITLES = ['Designer', 'Sales', 'Accountant', 'Engineer', 'Project Manager', 'Office Manager', 'Consultant', 'Intern', null];
export const DEPARTMENTS = ['Design', 'Sales', 'Finance', 'Engineering', 'Operations', null];

export function personName(index: number): { given: string; surname: string; suffix: string } {
  const g = GIVEN_NAMES.length;
  const s = SURNAMES.length;
  return {
    given: GIVEN_NAMES[index % g] as string,
    surname: SURNAMES[Math.floor(index / g) % s] as string,
    suffix: index >= g * s ? String(Math.floor(index / (g * s))) : '',
  };
}
