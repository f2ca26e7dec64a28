// News agencies whose copy outlets reprint, with the names they are credited under. The first
// name is the one shown to readers ("AFP, reprinted by 2 outlets").
export const agencies: { name: string; names: string[] }[] = [
  { name: 'AFP', names: ['AFP', 'Agence France-Presse', 'Agence France Presse'] },
  { name: 'Reuters', names: ['Reuters', 'Thomson Reuters'] },
  { name: 'AP', names: ['AP', 'Associated Press'] },
  { name: 'dpa', names: ['dpa', 'Deutsche Presse-Agentur'] },
  { name: 'ANSA', names: ['ANSA'] },
  { name: 'EFE', names: ['EFE', 'Agencia EFE'] },
  { name: 'Belga', names: ['Belga'] },
  { name: 'Keystone-ATS', names: ['Keystone-ATS', 'ATS'] },
  { name: 'APA', names: ['APA'] },
  { name: 'Xinhua', names: ['Xinhua'] },
  { name: 'Kyodo', names: ['Kyodo', 'Kyodo News'] },
  { name: 'Yonhap', names: ['Yonhap'] },
  { name: 'Anadolu', names: ['Anadolu', 'Anadolu Agency', 'Agence Anadolu'] },
  { name: 'PA Media', names: ['PA Media', 'Press Association'] },
  { name: 'UPI', names: ['UPI', 'United Press International'] },
  { name: 'Bloomberg', names: ['Bloomberg'] },
  { name: 'TASS', names: ['TASS'] },
  { name: 'MAP', names: ['MAP'] },
  { name: 'APS', names: ['APS'] },
];
