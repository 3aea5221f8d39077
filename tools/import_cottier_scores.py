"""Import the HumanEval, MATH-500 and Chatbot Arena scores of Cottier et al. 2025's input data into
benchmark_results.csv (issue 28: the replication of their 21 inference-price thresholds needs the scores their
thresholds are set on). Reads the reference snapshot (evidence, never a build input); rows already there are
kept as they are."""

import csv
import re

REF='/work/shared/reference/inference/epoch_llm_inference_prices_2025-03/'
URL='https://github.com/epoch-research/llm-benchmark-efficiency/tree/34b923314338360d1b1bbed6ec30d9299e54fdae/data'
M={'Claude-3-Haiku':('claude-3-haiku','claude-3-haiku-20240307'),'Claude-3-Opus':('claude-3-opus','claude-3-opus-20240229'),
'Claude-3-Sonnet':('claude-3-sonnet','claude-3-sonnet-20240229'),'Claude-3.5-Haiku':('claude-3-5-haiku','claude-3-5-haiku-20241022'),
'Claude-3.5-Sonnet-2024-06':('claude-3-5-sonnet','claude-3-5-sonnet-20240620'),'Claude-3.5-Sonnet-2024-10':('claude-3-5-sonnet','claude-3-5-sonnet-20241022'),
'Gemini 2.0 Flash':('gemini-2-0-flash','gemini-2.0-flash-001'),'Gemini-1.5-Flash-2024-05':('gemini-1-5-flash','gemini-1.5-flash-001'),
'Gemini-1.5-Flash-2024-09':('gemini-1-5-flash','gemini-1.5-flash-002'),'Gemini-1.5-Flash-8B':('gemini-1-5-flash-8b','gemini-1.5-flash-8b'),
'Gemini-1.5-Pro-2024-05':('gemini-1-5-pro','gemini-1.5-pro-001'),'Gemini-1.5-Pro-2024-09':('gemini-1-5-pro','gemini-1.5-pro-002'),
'Gemma-2-27B':('gemma-2-27b','gemma-2-27b-it'),'Gemma-2-9B':('gemma-2-9b','gemma-2-9b-it'),
'GPT-3.5-Turbo-2023-11':('gpt-3-5-turbo','gpt-3.5-turbo-1106'),'GPT-3.5-Turbo-2023-06':('gpt-3-5-turbo','gpt-3.5-turbo-0613'),
'GPT-3.5-Turbo-2024-01':('gpt-3-5-turbo','gpt-3.5-turbo-0125'),'GPT-4-0314':('gpt-4','gpt-4-0314'),
'GPT-4 Turbo':('gpt-4-turbo','gpt-4-1106-preview'),'GPT-4o-2024-05':('gpt-4o','gpt-4o-2024-05-13'),
'GPT-4o-2024-08':('gpt-4o','gpt-4o-2024-08-06'),'GPT-4o-2024-11':('gpt-4o','gpt-4o-2024-11-20'),'GPT-4o-mini':('gpt-4o-mini','gpt-4o-mini-2024-07-18'),
'Llama-2-Chat-7B':('llama-2-7b','Llama-2-7b-chat'),'Llama-3-Instruct-70B':('llama-3-70b','Meta-Llama-3-70B-Instruct'),
'Llama-3-Instruct-8B':('llama-3-8b','Meta-Llama-3-8B-Instruct'),'Llama-3.1-Instruct-405B':('llama-3-1-405b','Meta-Llama-3.1-405B-Instruct'),
'Llama-3.1-Instruct-70B':('llama-3-1-70b','Meta-Llama-3.1-70B-Instruct'),'Llama-3.1-Instruct-8B':('llama-3-1-8b','Meta-Llama-3.1-8B-Instruct'),
'Mistral Small 3':('mistral-small-3','mistral-small-2501'),'Mistral-8x22':('mixtral-8x22b','Mixtral-8x22B-Instruct-v0.1'),
'Mistral-Large-2-2024-07':('mistral-large-2','mistral-large-2407'),'Mistral-Large-2-2024-11':('mistral-large-2','mistral-large-2411'),
'Mistral-Large-2024-02':('mistral-large','mistral-large-2402'),'Mistral-NeMo':('mistral-nemo','Mistral-Nemo-Instruct-2407'),
'Phi 4':('phi-4','phi-4'),'Claude 2.1':('claude-2-1','claude-2.1'),'Command R+':('command-r','command-r-plus'),
'DeepSeek-Coder-V2 236B':('deepseek-coder-v2-236b','deepseek-coder-v2-instruct'),'DeepSeek-R1':('deepseek-r1','deepseek-r1'),
'DeepSeek-V3':('deepseek-v3','deepseek-v3'),'Jamba 1.5-Large':('jamba-1-5-large','jamba-1.5-large'),'Mistral 7B':('mistral-7b','mistral-7b-instruct'),
'o1':('o1','o1-2024-12-17'),'o1-mini':('o1-mini','o1-mini-2024-09-12'),'o1-preview':('o1-preview','o1-preview-2024-09-12'),
'o3-mini':('o3-mini','o3-mini-2025-01-31'),'Reka Core':('reka-core','reka-core'),
'Llama-2-Chat-13B':('llama-2-13b','Llama-2-13b-chat'),'Gemini 1.0 Pro':('gemini-1-0-pro','gemini-1.0-pro'),
'GPT-3.5 Turbo':('gpt-3-5-turbo','gpt-3.5-turbo-0301'),'GPT-4-0613':('gpt-4','gpt-4-0613'),
'GPT-4-0125':('gpt-4-turbo','gpt-4-0125-preview'),'Llama 2-70B Chat':('llama-2-70b','Llama-2-70b-chat')}
runs={r['run_id'] for r in csv.DictReader(open('datasets/training_runs.csv'))}
rows=list(csv.DictReader(open('datasets/benchmark_results.csv')))
fields=list(rows[0].keys())
have={r['benchmark_result_id'] for r in rows}
seen=set()
new=[]
skipped=[]
for fn,who in (('aa_data_with_math5.csv','aa'),('epoch_ai_price_data_not_in_aa_with_benchmarks.csv','epoch')):
    for r in csv.DictReader(open(REF+fn)):
        name=r['Model Name']
        for col,bench in (('HumanEval','humaneval'),('MATH-500','math-500'),
                          ('LMSys Chatbot Arena ELO','chatbot-arena-elo')):
            if not r[col]:
                continue
            if name not in M:
                skipped.append((name, col))
                continue
            run, ver = M[name]
            assert run in runs, run
            if (run, ver, bench) in seen:
                continue
            seen.add((run,ver,bench))
            slug=re.sub('[^a-z0-9]+','-',ver.lower()).strip('-')
            rid=f"{bench}-{slug}-cottier2025"
            if rid in have:
                continue
            src = ("Artificial Analysis' score as Cottier et al. 2025's input data give it (llm-benchmark-efficiency "
                   "data/aa_data_with_math5.csv @ 34b9233)") if who=='aa' else ("the score Cottier et al. 2025's input data give beside Epoch AI's prices "
                   "(llm-benchmark-efficiency data/epoch_ai_price_data_not_in_aa_with_benchmarks.csv @ 34b9233; compiled, evaluator not named)")
            unit = 'Elo rating as published' if bench == 'chatbot-arena-elo' else 'whole percent as published'
            new.append({'benchmark_result_id':rid,'run_id':run,'benchmark_id':bench,'model_version':ver,'score':r[col],'score_stderr':'',
                        'shots':'','settings':'pass@1' if bench=='humaneval' else '','evaluator':'Artificial Analysis' if who=='aa' else 'Epoch AI (compiled)',
                        'evaluator_kind':'third_party','evaluated_date':'','source':'cottier2025inferenceprices','source_url':URL,
                        'notes':f"{src}; their name {name}; {unit}. Imported to replicate their {col} price-decline thresholds (inference_thresholds)."})
if __name__ == '__main__':
    print(len(new), skipped)
w = csv.DictWriter(open('datasets/benchmark_results.csv', 'w', newline=''), fieldnames=fields, lineterminator='\n')
w.writeheader()
w.writerows(rows + new)
