import type { ApplicationScope, StandardReference } from '../domain';

export interface DemoOrganisation {
  /** Short name the demo's ids are made of: `org-<key>`, `cert-<key>`, `cycle-<key>-1`. */
  key: string;
  legalName: string;
  registrationNumber: string;
  country: string;
  address: string;
  sites: readonly { name: string; address: string }[];
  standard: StandardReference;
  scope: ApplicationScope;
}

const ITSM = { identifier: 'ISO/IEC 20000-1', version: '2018' };
const ISMS = { identifier: 'ISO/IEC 27001', version: '2022' };
const QMS = { identifier: 'ISO 9001', version: '2015' };
const EMS = { identifier: 'ISO 14001', version: '2015' };
const OHS = { identifier: 'ISO 45001', version: '2018' };

const scope = (text: string, services: string[], locations: string[]): ApplicationScope => ({
  text,
  services,
  customers: ['external customers'],
  locations,
});

/** A dozen client organisations, one per demo scenario. */
export const DEMO_ORGANISATIONS = {
  nordlicht: {
    key: 'nordlicht',
    legalName: 'Nordlicht Hosting GmbH',
    registrationNumber: 'HRB 104233 B',
    country: 'DE',
    address: 'Invalidenstraße 117, 10115 Berlin',
    sites: [
      { name: 'Berlin head office', address: 'Invalidenstraße 117, 10115 Berlin' },
      { name: 'Frankfurt data centre', address: 'Hanauer Landstraße 300, 60314 Frankfurt' },
    ],
    standard: ITSM,
    scope: scope(
      'Design, transition and operation of managed hosting services',
      ['managed hosting', 'backup'],
      ['Berlin', 'Frankfurt'],
    ),
  },
  harbour: {
    key: 'harbour',
    legalName: 'Harbour Data Services Ltd',
    registrationNumber: '09876543',
    country: 'GB',
    address: '40 Wapping Lane, London E1W 2RL',
    sites: [{ name: 'London office', address: '40 Wapping Lane, London E1W 2RL' }],
    standard: ISMS,
    scope: scope(
      'Information security management of payroll data processing services',
      ['payroll processing'],
      ['London'],
    ),
  },
  pacific: {
    key: 'pacific',
    legalName: 'Pacific Cloud Operations Pty Ltd',
    registrationNumber: 'ACN 612 345 678',
    country: 'AU',
    address: '1 Macquarie Place, Sydney NSW 2000',
    sites: [
      { name: 'Sydney operations centre', address: '1 Macquarie Place, Sydney NSW 2000' },
      { name: 'Melbourne support centre', address: '120 Collins Street, Melbourne VIC 3000' },
    ],
    standard: ITSM,
    scope: scope(
      'Provision of cloud infrastructure and service desk services',
      ['cloud infrastructure', 'service desk'],
      ['Sydney', 'Melbourne'],
    ),
  },
  bright: {
    key: 'bright',
    legalName: 'Shenzhen Bright Information Technology Co., Ltd.',
    registrationNumber: '91440300MA5F8XYZ12',
    country: 'CN',
    address: '8 Keyuan Road, Nanshan District, Shenzhen',
    sites: [
      { name: 'Shenzhen headquarters', address: '8 Keyuan Road, Nanshan District, Shenzhen' },
    ],
    standard: ITSM,
    scope: scope(
      'IT operation and maintenance services for financial institutions',
      ['IT operations and maintenance'],
      ['Shenzhen'],
    ),
  },
  lisboa: {
    key: 'lisboa',
    legalName: 'Lisboa Logística, S.A.',
    registrationNumber: 'PT 509 876 543',
    country: 'PT',
    address: 'Avenida Infante Dom Henrique 333, 1800-218 Lisboa',
    sites: [{ name: 'Lisbon warehouse', address: 'Avenida Infante Dom Henrique 333, Lisboa' }],
    standard: QMS,
    scope: scope(
      'Warehousing and distribution of pharmaceutical products',
      ['warehousing', 'distribution'],
      ['Lisbon'],
    ),
  },
  riogrande: {
    key: 'riogrande',
    legalName: 'Rio Grande Manufatura Ltda.',
    registrationNumber: '12.345.678/0001-90',
    country: 'BR',
    address: 'Avenida Ipiranga 6681, Porto Alegre RS',
    sites: [{ name: 'Porto Alegre plant', address: 'Avenida Ipiranga 6681, Porto Alegre RS' }],
    standard: EMS,
    scope: scope('Manufacture of aluminium window frames', ['manufacturing'], ['Porto Alegre']),
  },
  nairobi: {
    key: 'nairobi',
    legalName: 'Nairobi FinServe Limited',
    registrationNumber: 'PVT-2AB3CD4E',
    country: 'KE',
    address: 'Upper Hill Road 12, Nairobi',
    sites: [{ name: 'Nairobi head office', address: 'Upper Hill Road 12, Nairobi' }],
    standard: ISMS,
    scope: scope(
      'Information security management of mobile payment services',
      ['mobile payments'],
      ['Nairobi'],
    ),
  },
  baltic: {
    key: 'baltic',
    legalName: 'Baltic Freight Systems OÜ',
    registrationNumber: '14567890',
    country: 'EE',
    address: 'Sadama 25, 10111 Tallinn',
    sites: [{ name: 'Tallinn terminal', address: 'Sadama 25, 10111 Tallinn' }],
    standard: OHS,
    scope: scope(
      'Container handling and freight forwarding',
      ['container handling', 'freight forwarding'],
      ['Tallinn'],
    ),
  },
  andes: {
    key: 'andes',
    legalName: 'Andes Software S.A.C.',
    registrationNumber: '20601234567',
    country: 'PE',
    address: 'Avenida José Larco 1301, Miraflores, Lima',
    sites: [{ name: 'Lima development centre', address: 'Avenida José Larco 1301, Lima' }],
    standard: ISMS,
    scope: scope(
      'Information security management of software development and SaaS operations',
      ['software development', 'SaaS operations'],
      ['Lima'],
    ),
  },
  kyoto: {
    key: 'kyoto',
    legalName: 'Kyoto Precision Works K.K.',
    registrationNumber: '1300-01-012345',
    country: 'JP',
    address: '75 Nishikujo, Minami-ku, Kyoto',
    sites: [{ name: 'Kyoto factory', address: '75 Nishikujo, Minami-ku, Kyoto' }],
    standard: QMS,
    scope: scope(
      'Design and manufacture of precision bearings',
      ['design', 'manufacturing'],
      ['Kyoto'],
    ),
  },
  atlas: {
    key: 'atlas',
    legalName: 'Atlas Retail Services SAS',
    registrationNumber: '852 123 456 RCS Lyon',
    country: 'FR',
    address: '10 Quai Perrache, 69002 Lyon',
    sites: [{ name: 'Lyon service centre', address: '10 Quai Perrache, 69002 Lyon' }],
    standard: ITSM,
    scope: scope(
      'IT service management of point-of-sale support services',
      ['point-of-sale support'],
      ['Lyon'],
    ),
  },
  maple: {
    key: 'maple',
    legalName: 'Maple Health Informatics Inc.',
    registrationNumber: 'BN 123456789',
    country: 'CA',
    address: '200 Bay Street, Toronto ON M5J 2J2',
    sites: [{ name: 'Toronto office', address: '200 Bay Street, Toronto ON M5J 2J2' }],
    standard: ISMS,
    scope: scope(
      'Information security management of electronic health record hosting',
      ['EHR hosting'],
      ['Toronto'],
    ),
  },
} as const satisfies Record<string, DemoOrganisation>;
