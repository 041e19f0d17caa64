"""Places and organisations in German reports: gazetteers, patterns and canonical names.

The spaCy component ``german_entities`` (pipeline/extractors/entities.py) runs these layers and
combines them with the statistical NER of the loaded pipeline, when it has one.
"""
