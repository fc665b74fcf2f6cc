/**
 * A small curated lexicon of application domains and the words that name them in a README title,
 * introduction or repository name. Data only: matching lives in domains.ts. Words are lowercase;
 * a word also matches its plural (+s / +es). Multi-word terms match as a phrase. Keep words that
 * point at one domain ("patient"), not ones every project uses ("data", "model", "price").
 */
export interface DomainEntry {
  id: string;
  label: string;
  terms: readonly string[];
}

export const DOMAIN_LEXICON: readonly DomainEntry[] = [
  {
    id: 'health',
    label: 'Health and medicine',
    terms: ['health', 'healthcare', 'medical', 'medicine', 'patient', 'hospital', 'clinical', 'disease',
      'diabetes', 'cancer', 'tumor', 'tumour', 'heart', 'stroke', 'covid', 'epidemic', 'diagnosis', 'mri',
      'x-ray', 'radiology', 'drug', 'mental health', 'icu', 'symptom'],
  },
  {
    id: 'biology',
    label: 'Biology and life sciences',
    terms: ['gene', 'genome', 'genomic', 'protein', 'dna', 'rna', 'biology', 'species', 'ecology',
      'bird', 'microbiome', 'bioinformatics'],
  },
  {
    id: 'finance',
    label: 'Finance and banking',
    terms: ['finance', 'financial', 'bank', 'banking', 'credit', 'loan', 'fraud', 'stock market', 'stock',
      'trading', 'portfolio optimisation', 'portfolio optimization', 'crypto', 'bitcoin', 'investment',
      'insurance', 'mortgage', 'fintech', 'transaction'],
  },
  {
    id: 'sports',
    label: 'Sports',
    terms: ['sport', 'football', 'soccer', 'basketball', 'nba', 'nfl', 'baseball', 'tennis', 'cricket',
      'rugby', 'cycling', 'marathon', 'olympic', 'player', 'league', 'formula 1', 'chess', 'esports'],
  },
  {
    id: 'climate',
    label: 'Climate, weather and environment',
    terms: ['climate', 'weather', 'rain', 'rainfall', 'temperature', 'drought', 'flood', 'wildfire',
      'air quality', 'pollution', 'emission', 'carbon', 'radar', 'environmental', 'ocean',
      'glacier', 'satellite'],
  },
  {
    id: 'energy',
    label: 'Energy',
    terms: ['energy', 'electricity', 'solar', 'wind turbine', 'wind power', 'power grid', 'battery', 'photovoltaic', 'smart meter', 'load forecasting', 'oil', 'gas'],
  },
  {
    id: 'retail',
    label: 'Retail and e-commerce',
    terms: ['retail', 'e-commerce', 'ecommerce', 'customer', 'churn', 'shop', 'basket', 'recommendation', 'recommender', 'sales', 'marketing', 'coupon', 'inventory', 'demand forecasting'],
  },
  {
    id: 'transport',
    label: 'Transport and mobility',
    terms: ['transport', 'transportation', 'traffic', 'bike', 'bicycle', 'bike-share', 'taxi', 'uber',
      'flight', 'airline', 'airport', 'railway', 'bus', 'metro', 'commute', 'mobility', 'vehicle',
      'car', 'parking', 'logistics', 'delivery', 'shipping'],
  },
  {
    id: 'real-estate',
    label: 'Real estate and housing',
    terms: ['real estate', 'housing', 'house', 'rent', 'rental', 'apartment', 'airbnb', 'property', 'mortgage'],
  },
  {
    id: 'agriculture',
    label: 'Agriculture and food',
    terms: ['agriculture', 'crop', 'farm', 'farming', 'soil', 'plant disease', 'food', 'recipe',
      'restaurant', 'wine', 'coffee'],
  },
  {
    id: 'education',
    label: 'Education',
    terms: ['education', 'student', 'school', 'university', 'exam', 'learning analytics', 'teacher'],
  },
  {
    id: 'media',
    label: 'Media and entertainment',
    terms: ['movie', 'film', 'music', 'song', 'spotify', 'netflix', 'imdb', 'book', 'game', 'video game',
      'podcast', 'news', 'tv'],
  },
  {
    id: 'social',
    label: 'Social media and society',
    terms: ['twitter', 'tweet', 'reddit', 'social media', 'election', 'politics', 'crime', 'police',
      'census', 'poverty', 'unemployment', 'migration', 'government', 'public policy'],
  },
  {
    id: 'manufacturing',
    label: 'Industry and manufacturing',
    terms: ['manufacturing', 'predictive maintenance', 'maintenance', 'sensor', 'machine failure', 'factory',
      'defect', 'quality control', 'iot', 'industrial'],
  },
];
