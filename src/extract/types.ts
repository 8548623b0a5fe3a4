// Contracts of the extraction stage: they live in src/model/concept.ts (the model is shared; stages import from it).
export * from '../model/concept.ts';
